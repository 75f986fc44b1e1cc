/* cli-test-util.c — running kedja-cli, reading what it writes, and plans to give it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kedja-test"

#include "config.h"

#include <stdarg.h>
#include <string.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "cli-test-util.h"
#include "kedja-store.h"

void
run_free (Run *run)
{
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

static const char *
cli_path (void)
{
  const char *path = g_getenv ("KEDJA_CLI");

  if (path == NULL)
    g_error ("KEDJA_CLI is not set; run this test with `meson test`");
  return path;
}

Run *
run_cli_argv (const char *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  Run *run = g_new0 (Run, 1);
  int wait_status;

  g_ptr_array_add (argv, (char *) cli_path ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &run->out, &run->err, &wait_status, &error))
    g_error ("cannot run %s: %s", cli_path (), error->message);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
  return run;
}

Run *
run_cli (const char *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  return run_cli_argv ((const char *const *) args->pdata);
}

void
assert_success (const Run *run)
{
  if (run->status != 0 || *run->err != '\0')
    g_error ("exit status %d, stderr: %s", run->status, run->err);
}

void
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

char *
make_test_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("kedja-cli-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
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

/* ------------------------------------------------------------------ CSV */

gboolean
parse_csv (const char *text,
           GPtrArray  *records)
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

/* ----------------------------------------------------------------- JSON */

typedef struct {
  const char *p;
} Json;

static void
json_value_free (JsonValue *value)
{
  g_free (value->text);
  g_strfreev (value->items);
  g_free (value);
}

static JsonValue *
json_value_new (JsonType type,
                char    *text)  /* (transfer full) */
{
  JsonValue *value = g_new0 (JsonValue, 1);

  value->type = type;
  value->text = text;
  return value;
}

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
json_parse_string (Json *j)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (*j->p != '"')
    return NULL;
  for (j->p++; *j->p != '"'; j->p++)
    {
      if (*j->p == '\0' || (unsigned char) *j->p < 0x20)
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

static gboolean
json_digits (Json *j)
{
  const char *start = j->p;

  while (g_ascii_isdigit (*j->p))
    j->p++;
  return j->p > start;
}

/* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, kept as written. */
static char *
json_parse_number (Json *j)
{
  const char *start = j->p;

  if (*j->p == '-')
    j->p++;
  if (*j->p == '0')
    j->p++;
  else if (!json_digits (j))
    return NULL;
  if (*j->p == '.')
    {
      j->p++;
      if (!json_digits (j))
        return NULL;
    }
  if (*j->p == 'e' || *j->p == 'E')
    {
      j->p++;
      if (*j->p == '+' || *j->p == '-')
        j->p++;
      if (!json_digits (j))
        return NULL;
    }
  return g_strndup (start, j->p - start);
}

static JsonValue *
json_parse_strings (Json *j)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  JsonValue *value;

  j->p++;
  json_space (j);
  if (*j->p == ']')
    j->p++;
  else
    for (;;)
      {
        char *item;

        json_space (j);
        if ((item = json_parse_string (j)) == NULL)
          return NULL;
        g_ptr_array_add (items, item);
        json_space (j);
        if (*j->p == ',')
          {
            j->p++;
            continue;
          }
        if (*j->p++ != ']')
          return NULL;
        break;
      }
  g_ptr_array_add (items, NULL);
  value = json_value_new (JSON_STRINGS, NULL);
  value->items = (GStrv) g_ptr_array_free (g_steal_pointer (&items), FALSE);
  return value;
}

static JsonValue *
json_parse_value (Json *j)
{
  char *text;

  if (*j->p == '"')
    return (text = json_parse_string (j)) ? json_value_new (JSON_STRING, text) : NULL;
  if (*j->p == '[')
    return json_parse_strings (j);
  if (json_literal (j, "null"))
    return json_value_new (JSON_NULL, NULL);
  if (g_ascii_isdigit (*j->p) || *j->p == '-')
    return (text = json_parse_number (j)) ? json_value_new (JSON_NUMBER, text) : NULL;
  return NULL;
}

static GHashTable *
json_parse_object (Json *j)
{
  g_autoptr(GHashTable) object = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) json_value_free);

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
      JsonValue *value;

      json_space (j);
      if ((key = json_parse_string (j)) == NULL)
        return NULL;
      json_space (j);
      if (*j->p++ != ':')
        return NULL;
      json_space (j);
      if ((value = json_parse_value (j)) == NULL)
        return NULL;
      if (g_hash_table_contains (object, key))
        {
          json_value_free (value);
          return NULL;
        }
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

GPtrArray *
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
        if ((row = json_parse_object (&j)) == NULL)
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

static JsonValue *
json_member (GHashTable *row,
             const char *key)
{
  JsonValue *value = g_hash_table_lookup (row, key);

  if (value == NULL)
    g_error ("the JSON object has no member “%s”", key);
  return value;
}

const char *
json_string (GHashTable *row,
             const char *key)
{
  JsonValue *value = json_member (row, key);

  if (value->type != JSON_STRING && value->type != JSON_NULL)
    g_error ("JSON member “%s” is not a string", key);
  return value->text;
}

const char *
json_number_text (GHashTable *row,
                  const char *key)
{
  JsonValue *value = json_member (row, key);

  if (value->type != JSON_NUMBER)
    g_error ("JSON member “%s” is not a number", key);
  return value->text;
}

gboolean
json_number (GHashTable *row,
             const char *key,
             double     *out_value)
{
  JsonValue *value = json_member (row, key);

  if (value->type == JSON_NULL)
    return FALSE;
  *out_value = g_ascii_strtod (json_number_text (row, key), NULL);
  return TRUE;
}

const char *const *
json_strings (GHashTable *row,
              const char *key)
{
  JsonValue *value = json_member (row, key);

  if (value->type != JSON_STRINGS)
    g_error ("JSON member “%s” is not an array of strings", key);
  return (const char *const *) value->items;
}

/* ------------------------------------------------------- plans by hand */

static const struct {
  const char     *id;
  const char     *name;
  KedjaAgencyKind kind;
} agencies[] = {
  { SOCIAL_ID, "Socialtjänsten Centrum", KEDJA_AGENCY_KIND_SOCIAL_SERVICES },
  { CLINIC_ID, "Beroendekliniken", KEDJA_AGENCY_KIND_ADDICTION_CARE },
  { HOUSING_ID, "Boendeenheten", KEDJA_AGENCY_KIND_HOUSING },
  { PEER_ID, "Kamratföreningen 2603", KEDJA_AGENCY_KIND_CIVIL_SOCIETY },
};

static void
use_agency (KedjaPlan  *plan,
            const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (agencies); i++)
    if (g_str_equal (agencies[i].id, id))
      {
        g_autoptr(KedjaAgency) agency = kedja_agency_new (id, agencies[i].name, agencies[i].kind);
        kedja_plan_add_agency (plan, agency);
        return;
      }
  g_assert_not_reached ();
}

KedjaPlan *
new_plan (const char     *client,
          const char     *district,
          KedjaPlanStatus status,
          const char     *title)
{
  KedjaPlan *plan = kedja_plan_new (NULL, kedja_client_new (NULL, client), title);

  plan->status = status;
  plan->created = D (2026, 6, 1);
  plan->client->district = g_strdup (district);
  plan->own_goal = g_strdup ("Att ha ett eget hem och ett jobb");
  plan->coordinating_agency_id = g_strdup (SOCIAL_ID);
  plan->coordinator = g_strdup ("Maria Lind");
  plan->follow_up = D (2026, 12, 1);
  use_agency (plan, SOCIAL_ID);
  return plan;
}

KedjaStep *
add_step (KedjaPlan       *plan,
          KedjaPhase       phase,
          KedjaCareSetting setting,
          const char      *agency_id,
          const char      *title,
          KedjaDate        start,
          KedjaDate        end)
{
  KedjaStep *step = kedja_step_new (NULL, phase, title);

  step->setting = setting;
  step->agency_id = g_strdup (agency_id);
  step->planned_start = start;
  step->planned_end = end;
  if (end != KEDJA_DATE_NONE && end < TODAY)
    {
      step->status = KEDJA_STEP_STATUS_COMPLETED;
      step->actual_start = start;
      step->actual_end = end;
    }
  else if (start <= TODAY)
    {
      step->status = KEDJA_STEP_STATUS_ONGOING;
      step->actual_start = start;
    }
  else
    step->status = KEDJA_STEP_STATUS_BOOKED;
  use_agency (plan, agency_id);
  g_ptr_array_add (plan->steps, step);
  if (plan->need_recorded == KEDJA_DATE_NONE || start - 5 < plan->need_recorded)
    plan->need_recorded = start - 5;
  return step;
}

void
add_consent (KedjaPlan  *plan,
             const char *agency_id)
{
  g_ptr_array_add (plan->consents,
                   kedja_consent_new (agency_id, D (2026, 6, 1), KEDJA_CONSENT_FORM_WRITTEN));
}

void
save_plans (const char *path,
            GPtrArray  *plans)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KedjaStore) store = kedja_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (kedja_store_save_plans (store, plans, &error));
  g_assert_no_error (error);
}

void
set_setting (const char *path,
             const char *key,
             const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KedjaStore) store = kedja_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (kedja_store_set_setting (store, key, value, &error));
  g_assert_no_error (error);
}

/* ------------------------------------------------------------- fixtures */

void
cli_fixture_set_up (CliFixture   *f,
                    gconstpointer data)
{
  f->dir = make_test_dir ();
  f->db = g_build_filename (f->dir, "kedja.db", NULL);
  f->empty = g_build_filename (f->dir, "empty.db", NULL);
  f->plans = g_ptr_array_new_with_free_func ((GDestroyNotify) kedja_plan_unref);
}

void
cli_fixture_tear_down (CliFixture   *f,
                       gconstpointer data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->empty);
  g_ptr_array_unref (f->plans);
}
