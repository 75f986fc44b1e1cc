/* test-cli.c — kedja-cli as a user runs it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every test runs the real binary ($KEDJA_CLI) on a database of its own and
 * asserts what the user would see: the bytes on stdout, one line on stderr
 * when something is wrong, and the exit status.
 */
#define G_LOG_DOMAIN "kedja-test"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "kedja-core.h"
#include "kedja-demo.h"
#include "kedja-store.h"

#define DEMO_CLIENTS "50"
#define DEMO_SEED    "7"
#define DEMO_TODAY   "2026-11-29"

typedef struct {
  char *dir;
  char *db;      /* filled with the seed-7 demo */
  char *empty;   /* a path where no database exists yet */
} Fixture;

typedef struct {
  char *out;
  char *err;
  int   status;
} Run;

static void
run_free (Run *run)
{
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Run, run_free)

static const char *
cli_path (void)
{
  const char *path = g_getenv ("KEDJA_CLI");

  if (path == NULL)
    g_error ("KEDJA_CLI is not set; run this test with `meson test`");
  return path;
}

/* Runs kedja-cli with the NULL-terminated arguments. */
static Run *
run_cli (const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  Run *run = g_new0 (Run, 1);
  int wait_status;
  va_list args;

  g_ptr_array_add (argv, (char *) cli_path ());
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &run->out, &run->err, &wait_status, &error))
    g_error ("cannot run %s: %s", cli_path (), error->message);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
  return run;
}

static Run *
run_demo (const char *db,
          const char *seed)
{
  return run_cli ("--database", db, "demo", "--clients", DEMO_CLIENTS, "--seed", seed,
                  "--today", DEMO_TODAY, NULL);
}

static void
assert_success (const Run *run)
{
  if (run->status != 0 || *run->err != '\0')
    g_error ("exit status %d, stderr: %s", run->status, run->err);
}

/* What every failure looks like: status 2, nothing on stdout, one line
 * "kedja-cli: …" on stderr. */
static void
assert_fails (const Run  *run,
              const char *expected_part)
{
  const char *newline = strchr (run->err, '\n');

  g_assert_cmpint (run->status, ==, 2);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "kedja-cli: "));
  g_assert_nonnull (newline);
  g_assert_cmpstr (newline, ==, "\n");
  if (expected_part && strstr (run->err, expected_part) == NULL)
    g_error ("stderr “%s” does not mention “%s”", run->err, expected_part);
}

static KedjaDemoData *
expected_demo (void)
{
  return kedja_demo_generate (atoi (DEMO_CLIENTS), atoi (DEMO_SEED),
                              kedja_date_from_ymd (2026, 11, 29));
}

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Run) run = NULL;

  fixture->dir = g_dir_make_tmp ("kedja-cli-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->dir, "demo.db", NULL);
  fixture->empty = g_build_filename (fixture->dir, "empty.db", NULL);

  run = run_demo (fixture->db, DEMO_SEED);
  assert_success (run);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
  g_free (fixture->empty);
}

/* ------------------------------------------------------------ CSV, JSON */

/* Splits RFC 4180 text into records of fields; FALSE if it is not CSV. */
static gboolean
parse_csv (const char *text,
           GPtrArray  *records)  /* (element-type GStrv) */
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = text;

  while (*p)
    {
      if (*p == '"')
        {
          for (p++;; p++)
            {
              if (*p == '\0')
                return FALSE;
              if (*p == '"' && p[1] == '"')
                g_string_append_c (field, *p++);
              else if (*p == '"')
                break;
              else
                g_string_append_c (field, *p);
            }
          p++;
          if (*p != ',' && *p != '\r')
            return FALSE;
        }
      while (*p && *p != ',' && *p != '\r')
        {
          if (*p == '\n' || *p == '"')
            return FALSE;
          g_string_append_c (field, *p++);
        }
      g_ptr_array_add (fields, g_strdup (field->str));
      g_string_truncate (field, 0);
      if (*p == ',')
        p++;
      else if (p[0] == '\r' && p[1] == '\n')
        {
          p += 2;
          g_ptr_array_add (fields, NULL);
          g_ptr_array_add (records, g_strdupv ((char **) fields->pdata));
          g_ptr_array_set_size (fields, 0);
        }
      else
        return FALSE;
    }
  return fields->len == 0;
}

typedef struct {
  const char *p;
} Json;

static void
json_space (Json *j)
{
  while (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r')
    j->p++;
}

static gboolean
json_literal (Json       *j,
              const char *word)
{
  if (!g_str_has_prefix (j->p, word))
    return FALSE;
  j->p += strlen (word);
  return TRUE;
}

/* A JSON string, decoded, as RFC 8259 has it (surrogate pairs included). */
static char *
json_string (Json *j)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (*j->p != '"')
    return NULL;
  for (j->p++; *j->p != '"'; j->p++)
    {
      if ((unsigned char) *j->p < 0x20)
        return NULL;
      if (*j->p != '\\')
        {
          g_string_append_c (out, *j->p);
          continue;
        }
      j->p++;
      switch (*j->p)
        {
        case '"': case '\\': case '/':
          g_string_append_c (out, *j->p);
          break;
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          {
            char hex[5] = { 0 };
            gunichar c;

            if (strlen (j->p + 1) < 4)
              return NULL;
            memcpy (hex, j->p + 1, 4);
            if (!g_ascii_isxdigit (hex[0]) || !g_ascii_isxdigit (hex[1])
                || !g_ascii_isxdigit (hex[2]) || !g_ascii_isxdigit (hex[3]))
              return NULL;
            c = (gunichar) g_ascii_strtoull (hex, NULL, 16);
            j->p += 4;
            if (c >= 0xd800 && c < 0xdc00 && g_str_has_prefix (j->p + 1, "\\u"))
              {
                memcpy (hex, j->p + 3, 4);
                c = 0x10000 + ((c - 0xd800) << 10) + ((gunichar) g_ascii_strtoull (hex, NULL, 16) - 0xdc00);
                j->p += 6;
              }
            g_string_append_unichar (out, c);
          }
          break;
        default:
          return NULL;
        }
    }
  j->p++;
  if (!g_utf8_validate (out->str, out->len, NULL))
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A flat object of strings, numbers and nulls; NULL for anything else. A
 * JSON null is stored as a key with a NULL value. */
static GHashTable *
json_object (Json *j)
{
  g_autoptr(GHashTable) object = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (*j->p != '{')
    return NULL;
  j->p++;
  json_space (j);
  if (*j->p == '}')
    {
      j->p++;
      return g_steal_pointer (&object);
    }
  for (;;)
    {
      g_autofree char *key = NULL;
      char *value = NULL;

      json_space (j);
      if ((key = json_string (j)) == NULL)
        return NULL;
      json_space (j);
      if (*j->p++ != ':')
        return NULL;
      json_space (j);
      if (*j->p == '"')
        {
          if ((value = json_string (j)) == NULL)
            return NULL;
        }
      else if (json_literal (j, "null"))
        value = NULL;
      else if (g_ascii_isdigit (*j->p) || *j->p == '-')
        {
          const char *start = j->p;

          if (*j->p == '-')
            j->p++;
          if (*j->p == '0' && g_ascii_isdigit (j->p[1]))
            return NULL;
          while (g_ascii_isdigit (*j->p))
            j->p++;
          value = g_strndup (start, j->p - start);
        }
      else
        return NULL;
      if (g_hash_table_contains (object, key))
        return NULL;
      g_hash_table_insert (object, g_steal_pointer (&key), value);
      json_space (j);
      if (*j->p == ',')
        {
          j->p++;
          continue;
        }
      if (*j->p++ != '}')
        return NULL;
      return g_steal_pointer (&object);
    }
}

/* The whole text must be one array of such objects. */
static GPtrArray *
parse_json_rows (const char *text)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  Json j = { text };

  json_space (&j);
  if (*j.p++ != '[')
    return NULL;
  json_space (&j);
  if (*j.p == ']')
    j.p++;
  else
    for (;;)
      {
        GHashTable *row;

        json_space (&j);
        if ((row = json_object (&j)) == NULL)
          return NULL;
        g_ptr_array_add (rows, row);
        json_space (&j);
        if (*j.p == ',')
          {
            j.p++;
            continue;
          }
        if (*j.p++ != ']')
          return NULL;
        break;
      }
  json_space (&j);
  return *j.p == '\0' ? g_steal_pointer (&rows) : NULL;
}

/* The generator's plan with @id; there must be one. */
static KedjaPlan *
find_plan (KedjaDemoData *data,
           const char    *id)
{
  for (guint i = 0; id != NULL && i < data->plans->len; i++)
    if (g_str_equal (((KedjaPlan *) g_ptr_array_index (data->plans, i))->id, id))
      return g_ptr_array_index (data->plans, i);
  g_error ("the output lists “%s”, which is no plan of the demo", id ? id : "(null)");
}

static const char *
shown_client (const KedjaPlan *plan)
{
  return plan->client->protected_identity ? "Protected identity" : plan->client->name;
}

/* Where a protected person lives is as secret as the name. */
static const char *
shown_district (const KedjaPlan *plan)
{
  return plan->client->protected_identity ? NULL : plan->client->district;
}

/* ----------------------------------------------------------------- tests */

static void
test_help (void)
{
  static const char *const commands[][3] = {
    { "demo", "--clients", "--today" },
    { "list", "--format", "--format" },
    { "show", "PLAN-ID", "--today" },
  };
  g_autoptr(Run) run = run_cli ("--help", NULL);

  assert_success (run);
  g_assert_true (g_str_has_prefix (run->out, "Usage:\n  kedja-cli [OPTION…] COMMAND"));
  g_assert_nonnull (strstr (run->out, "--database"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *listed = g_strdup_printf ("\n  %s  ", commands[i][0]);
      g_autoptr(Run) sub = run_cli (commands[i][0], "--help", NULL);

      g_assert_nonnull (strstr (run->out, listed));
      assert_success (sub);
      g_assert_true (g_str_has_prefix (sub->out, "Usage:\n  kedja-cli "));
      g_assert_nonnull (strstr (sub->out, commands[i][0]));
      g_assert_nonnull (strstr (sub->out, commands[i][1]));
      g_assert_nonnull (strstr (sub->out, commands[i][2]));
    }
}

static void
test_demo_summary (Fixture      *fixture,
                   gconstpointer data)
{
  g_autoptr(Run) run = run_demo (fixture->empty, "3");
  g_autofree char *expected = g_strdup_printf ("50 plans written to %s (seed 3, today 2026-11-29)\n",
                                               fixture->empty);

  assert_success (run);
  g_assert_cmpstr (run->out, ==, expected);
  g_assert_true (g_file_test (fixture->empty, G_FILE_TEST_IS_REGULAR));
}

/* The same demo twice into one database would duplicate every plan: it is
 * refused, and says why. */
static void
test_demo_twice (Fixture      *fixture,
                 gconstpointer data)
{
  g_autoptr(Run) run = run_demo (fixture->db, DEMO_SEED);

  assert_fails (run, "--seed");
}

static void
test_list_csv (Fixture      *fixture,
               gconstpointer data)
{
  g_autoptr(Run) run = run_cli ("--database", fixture->db, "list", "--format", "csv", NULL);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(KedjaDemoData) demo = expected_demo ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  assert_success (run);
  g_assert_true (parse_csv (run->out, records));
  g_assert_cmpuint (records->len, ==, 51);
  g_assert_true (g_str_has_prefix (run->out, "id,client,district,status,steps,follow_up\r\n"));

  for (guint i = 1; i < records->len; i++)
    {
      char **f = g_ptr_array_index (records, i);
      KedjaPlan *plan;
      g_autofree char *steps = NULL, *follow_up = NULL;

      g_assert_cmpuint (g_strv_length (f), ==, 6);
      plan = find_plan (demo, f[0]);
      g_assert_true (g_hash_table_add (seen, plan->id));
      steps = g_strdup_printf ("%u", plan->steps->len);
      follow_up = kedja_date_to_string (plan->follow_up);
      g_assert_cmpstr (f[1], ==, shown_client (plan));
      g_assert_cmpstr (f[2], ==, shown_district (plan) ? shown_district (plan) : "");
      g_assert_cmpstr (f[3], ==, kedja_enum_to_nick (KEDJA_TYPE_PLAN_STATUS, plan->status));
      g_assert_cmpstr (f[4], ==, steps);
      g_assert_cmpstr (f[5], ==, follow_up ? follow_up : "");
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, 50);
}

static void
test_list_json (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(Run) run = run_cli ("--database", fixture->db, "list", "--format", "json", NULL);
  g_autoptr(KedjaDemoData) demo = expected_demo ();
  g_autoptr(GPtrArray) rows = NULL;
  KedjaPlan *known = g_ptr_array_index (demo->plans, 0);
  gboolean found = FALSE;

  assert_success (run);
  rows = parse_json_rows (run->out);
  g_assert_nonnull (rows);
  g_assert_cmpuint (rows->len, ==, 50);

  for (guint i = 0; i < rows->len; i++)
    {
      GHashTable *row = g_ptr_array_index (rows, i);
      KedjaPlan *plan = find_plan (demo, g_hash_table_lookup (row, "id"));
      g_autofree char *steps = NULL, *follow_up = NULL;

      g_assert_cmpuint (g_hash_table_size (row), ==, 6);
      steps = g_strdup_printf ("%u", plan->steps->len);
      follow_up = kedja_date_to_string (plan->follow_up);
      g_assert_cmpstr (g_hash_table_lookup (row, "client"), ==, shown_client (plan));
      g_assert_cmpstr (g_hash_table_lookup (row, "district"), ==, shown_district (plan));
      g_assert_cmpstr (g_hash_table_lookup (row, "status"), ==,
                       kedja_enum_to_nick (KEDJA_TYPE_PLAN_STATUS, plan->status));
      g_assert_cmpstr (g_hash_table_lookup (row, "steps"), ==, steps);
      g_assert_true (g_hash_table_contains (row, "follow_up"));
      g_assert_cmpstr (g_hash_table_lookup (row, "follow_up"), ==, follow_up);
      found |= plan == known;
    }
  g_assert_true (found);
}

static void
test_list_text (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(Run) run = run_cli ("--database", fixture->db, "list", NULL);
  g_autoptr(KedjaDemoData) demo = expected_demo ();
  g_auto(GStrv) lines = NULL;
  const char *client_column;

  assert_success (run);
  g_assert_true (g_str_has_suffix (run->out, "\n"));
  lines = g_strsplit (run->out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 52);  /* header, 50 rows, "" */

  g_assert_true (g_str_has_prefix (lines[0], "ID "));
  client_column = strstr (lines[0], "Client");
  g_assert_nonnull (client_column);
  for (const char *const *h = (const char *const[]) { "District", "Status", "Steps", "Follow-up", NULL };
       *h; h++)
    g_assert_nonnull (strstr (lines[0], *h));

  for (guint i = 1; i <= 50; i++)
    {
      g_autofree char *id = g_strndup (lines[i], 36);
      KedjaPlan *plan = find_plan (demo, id);

      /* Aligned: the client starts under its header. */
      g_assert_true (g_str_has_prefix (lines[i] + (client_column - lines[0]), shown_client (plan)));
      g_assert_false (g_str_has_suffix (lines[i], " "));
    }
}

/* Same seed, same output, wherever it is written; another seed, other
 * data. */
static void
test_list_deterministic (Fixture      *fixture,
                         gconstpointer data)
{
  static const char *const formats[] = { "text", "csv", "json" };
  g_autofree char *again = g_build_filename (fixture->dir, "again.db", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, "other.db", NULL);
  g_autoptr(Run) demo_again = run_demo (again, DEMO_SEED);
  g_autoptr(Run) demo_other = run_demo (other, "8");

  assert_success (demo_again);
  assert_success (demo_other);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(Run) a = run_cli ("--database", fixture->db, "list", "--format", formats[i], NULL);
      g_autoptr(Run) b = run_cli ("--database", again, "list", "--format", formats[i], NULL);
      g_autoptr(Run) c = run_cli ("--database", other, "list", "--format", formats[i], NULL);

      assert_success (a);
      assert_success (b);
      assert_success (c);
      g_assert_cmpstr (a->out, ==, b->out);
      g_assert_cmpstr (a->out, !=, c->out);
    }
}

/* Names that need quoting, and a protected identity that must never show. */
static void
test_list_quoting_and_protection (Fixture      *fixture,
                                  gconstpointer data)
{
  static const char *const awkward = "Anna \"Nisse\", Berg\nLund";
  static const char *const hidden = "Hemlig Hemligsson, Gömd";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(KedjaStore) store = kedja_store_open (fixture->empty, &error);
  g_autoptr(KedjaPlan) plain = NULL, secret = NULL;
  g_autoptr(Run) csv = NULL, json = NULL, text = NULL;
  g_auto(GStrv) text_lines = NULL;
  gboolean saw_awkward = FALSE, saw_protected = FALSE;

  g_assert_no_error (error);
  plain = kedja_plan_new (NULL, kedja_client_new (NULL, awkward), "SIP – citat, komma");
  plain->created = kedja_date_from_ymd (2026, 11, 1);
  secret = kedja_plan_new (NULL, kedja_client_new (NULL, hidden), "SIP – skyddad");
  secret->created = kedja_date_from_ymd (2026, 11, 1);
  secret->client->protected_identity = TRUE;
  secret->client->personal_number = g_strdup ("19811218-9876");
  g_assert_true (kedja_store_save_plan (store, plain, &error));
  g_assert_no_error (error);
  g_assert_true (kedja_store_save_plan (store, secret, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  csv = run_cli ("--database", fixture->empty, "list", "--format", "csv", NULL);
  json = run_cli ("--database", fixture->empty, "list", "--format", "json", NULL);
  text = run_cli ("--database", fixture->empty, "list", NULL);
  assert_success (csv);
  assert_success (json);
  assert_success (text);

  g_assert_nonnull (strstr (csv->out, ",\"Anna \"\"Nisse\"\", Berg\nLund\","));
  g_assert_true (parse_csv (csv->out, records));
  g_assert_cmpuint (records->len, ==, 3);
  for (guint i = 1; i < records->len; i++)
    {
      char **f = g_ptr_array_index (records, i);
      saw_awkward |= g_str_equal (f[1], awkward);
      saw_protected |= g_str_equal (f[1], "Protected identity");
      g_assert_cmpstr (f[2], ==, "");
      g_assert_cmpstr (f[5], ==, "");
    }
  g_assert_true (saw_awkward && saw_protected);

  g_assert_nonnull (strstr (json->out, "\"Anna \\\"Nisse\\\", Berg\\nLund\""));
  rows = parse_json_rows (json->out);
  g_assert_nonnull (rows);
  g_assert_cmpuint (rows->len, ==, 2);
  for (guint i = 0; i < rows->len; i++)
    {
      GHashTable *row = g_ptr_array_index (rows, i);
      g_assert_true (g_hash_table_contains (row, "district"));
      g_assert_null (g_hash_table_lookup (row, "district"));
      g_assert_null (g_hash_table_lookup (row, "follow_up"));
    }

  /* One row stays one line on a terminal. */
  g_assert_nonnull (strstr (text->out, "Anna \"Nisse\", Berg Lund"));
  text_lines = g_strsplit (text->out, "\n", -1);
  g_assert_cmpuint (g_strv_length (text_lines), ==, 4);
  g_assert_nonnull (strstr (text->out, "Protected identity"));

  for (const char *const *out = (const char *const[]) { csv->out, json->out, text->out, NULL };
       *out; out++)
    {
      g_assert_null (strstr (*out, "Hemlig"));
      g_assert_null (strstr (*out, "9876"));
    }
}

static KedjaPlan *
pick_plan (KedjaDemoData *demo,
           gboolean       protected_identity)
{
  /* One with handovers, to see them shown. */
  for (guint i = 0; i < demo->plans->len; i++)
    {
      KedjaPlan *plan = g_ptr_array_index (demo->plans, i);
      if (plan->client->protected_identity == protected_identity && plan->handovers->len > 0
          && plan->client->personal_number != NULL)
        return plan;
    }
  g_error ("the demo has no plan to show");
}

static void
test_show (Fixture      *fixture,
           gconstpointer data)
{
  g_autoptr(KedjaDemoData) demo = expected_demo ();
  KedjaPlan *plan = pick_plan (demo, FALSE);
  g_autoptr(Run) run = NULL;
  g_autofree char *masked = NULL;

  run = run_cli ("--database", fixture->db, "show", "--today", DEMO_TODAY, plan->id, NULL);
  assert_success (run);

  g_assert_true (g_str_has_prefix (run->out, plan->title));
  g_assert_nonnull (strstr (run->out, plan->id));
  g_assert_nonnull (strstr (run->out, plan->client->name));
  masked = g_strdup_printf ("%.8s-XXXX", plan->client->personal_number);
  g_assert_nonnull (strstr (run->out, masked));
  g_assert_null (strstr (run->out, plan->client->personal_number));
  g_assert_nonnull (strstr (run->out, plan->client->district));
  g_assert_nonnull (strstr (run->out, "Steps in chain order"));
  for (guint i = 0; i < plan->steps->len; i++)
    {
      KedjaStep *step = g_ptr_array_index (plan->steps, i);
      g_assert_nonnull (strstr (run->out, step->title));
      g_assert_nonnull (strstr (run->out, kedja_phase_get_label (step->phase)));
    }
  g_assert_nonnull (strstr (run->out, "Handovers"));
  g_assert_nonnull (strstr (run->out, " → "));
  g_assert_nonnull (strstr (run->out, "Consents"));
  g_assert_nonnull (strstr (run->out, "Goals"));
  if (plan->own_goal)
    g_assert_nonnull (strstr (run->out, plan->own_goal));
}

/* A protected identity shows as such: neither name nor number. */
static void
test_show_protected (Fixture      *fixture,
                     gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KedjaStore) store = kedja_store_open (fixture->empty, &error);
  g_autoptr(KedjaPlan) plan = kedja_plan_new (NULL, kedja_client_new (NULL, "Hemlig Hemligsson"),
                                              "SIP – skyddad");
  g_autoptr(Run) run = NULL;

  g_assert_no_error (error);
  plan->created = kedja_date_from_ymd (2026, 11, 1);
  plan->client->protected_identity = TRUE;
  plan->client->personal_number = g_strdup ("19811218-9876");
  plan->client->district = g_strdup ("Vrångö");
  g_assert_true (kedja_store_save_plan (store, plan, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  run = run_cli ("--database", fixture->empty, "show", plan->id, NULL);
  assert_success (run);
  g_assert_nonnull (strstr (run->out, "Protected identity"));
  g_assert_null (strstr (run->out, "Hemlig"));
  g_assert_null (strstr (run->out, "19811218"));
  g_assert_null (strstr (run->out, "Vrångö"));
}

static void
test_errors (Fixture      *fixture,
             gconstpointer data)
{
  g_autofree char *file = g_build_filename (fixture->dir, "a-file", NULL);
  g_autofree char *under_file = g_build_filename (file, "kedja.db", NULL);
  const char *db = fixture->db, *empty = fixture->empty;
  struct {
    const char *args[8];
    const char *mentions;
  } cases[] = {
    { { "frobnicate", NULL }, "frobnicate" },
    { { NULL }, "command" },
    { { "--bogus", "list", NULL }, "--bogus" },
    { { "--database", empty, "demo", "--clients", "abc", NULL }, "--clients" },
    { { "--database", empty, "demo", "--clients", "0", NULL }, "--clients" },
    { { "--database", empty, "demo", "--clients", "-3", NULL }, "--clients" },
    { { "--database", empty, "demo", "--seed", "x1", NULL }, "--seed" },
    { { "--database", empty, "demo", "--today", "2026-02-30", NULL }, "2026-02-30" },
    { { "--database", empty, "demo", "--today", "29/11/2026", NULL }, "YYYY-MM-DD" },
    { { "--database", empty, "demo", "extra", NULL }, "extra" },
    { { "--database", empty, "list", "--format", "xml", NULL }, "xml" },
    { { "--database", empty, "list", "--colour", NULL }, "--colour" },
    { { "--database", db, "show", NULL }, "id" },
    { { "--database", db, "show", "4b1d3c2a-0000-4000-8000-000000000000", NULL },
      "4b1d3c2a-0000-4000-8000-000000000000" },
    { { "--database", db, "show", "a", "b", NULL }, "“b”" },
    { { "--database", under_file, "list", NULL }, NULL },
  };

  g_assert_true (g_file_set_contents (file, "not a folder", -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *const *a = cases[i].args;
      g_autoptr(Run) run = run_cli (a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]);

      g_test_message ("case %u: %s", i, run->err);
      assert_fails (run, cases[i].mentions);
    }

  /* Bad arguments are caught before a database is created. */
  g_assert_false (g_file_test (empty, G_FILE_TEST_EXISTS));
}

/* A file that is not a Kedja database is refused with the store's words,
 * and left as it was. */
static void
test_not_a_database (Fixture      *fixture,
                     gconstpointer data)
{
  g_autofree char *file = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autofree char *after = NULL;
  g_autoptr(Run) run = NULL;

  g_assert_true (g_file_set_contents (file, "Inköpslista: mjölk\n", -1, NULL));
  run = run_cli ("--database", file, "list", NULL);
  assert_fails (run, NULL);
  g_assert_true (g_file_get_contents (file, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "Inköpslista: mjölk\n");
}

int
main (int    argc,
      char **argv)
{
  kedja_i18n_init ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/cli/help", test_help);
  ADD ("/cli/demo/summary", test_demo_summary);
  ADD ("/cli/demo/twice", test_demo_twice);
  ADD ("/cli/list/csv", test_list_csv);
  ADD ("/cli/list/json", test_list_json);
  ADD ("/cli/list/text", test_list_text);
  ADD ("/cli/list/deterministic", test_list_deterministic);
  ADD ("/cli/list/quoting-and-protection", test_list_quoting_and_protection);
  ADD ("/cli/show/plan", test_show);
  ADD ("/cli/show/protected", test_show_protected);
  ADD ("/cli/errors", test_errors);
  ADD ("/cli/not-a-database", test_not_a_database);

#undef ADD
  return g_test_run ();
}
