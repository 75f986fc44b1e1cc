/* test-exchange.c — export, import and validate, as a user runs them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every test runs the real binary on databases and files of its own. Plans
 * go out and come back and must be the same; bad files must change nothing
 * and say why in one line; nothing may leave without consent, an audit
 * entry, or with a protected person's name or number in its bytes.
 *
 * SOURCE_DATE_EPOCH is set for the whole program, so that two exports with
 * the same --today are byte for byte equal.
 */
#define G_LOG_DOMAIN "kedja-test"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "cli-test-util.h"
#include "kedja-core.h"
#include "kedja-store.h"
#include "store-test-util.h"

/* 2026-09-21T14:13:20Z: any fixed moment will do. */
#define EXPORT_EPOCH "1790000000"

/* The full sample plan's clinic and housing agency (store-test-util.h). */
#define FULL_CLINIC_NAME "Beroendekliniken Östra"

/* ------------------------------------------------------------- helpers */

static char *
path_in (CliFixture *f,
         const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
write_bytes (const char *path,
             const char *data,
             gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

/* memmem over the exported bytes, which need not be text. */
static gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return memmem (data, size, needle, strlen (needle)) != NULL;
}

static void
assert_absent (GBytes     *bytes,
               const char *what,
               const char *needle)
{
  if (bytes_contain (bytes, needle))
    g_error ("the export holds the %s: “%s”", what, needle);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (text == NULL || strstr (text, part) == NULL)
    g_error ("“%s” does not contain “%s”", text ? text : "(null)", part);
}

/* One line on stderr, "kedja-cli: …", nothing on stdout, status @status
 * (or any failure when @status is -1). */
static void
assert_refused (const Run  *run,
                int         status,
                const char *part)
{
  const char *newline = strchr (run->err, '\n');

  if (status >= 0)
    g_assert_cmpint (run->status, ==, status);
  else
    g_assert_cmpint (run->status, !=, 0);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "kedja-cli: "));
  g_assert_nonnull (newline);
  g_assert_cmpstr (newline, ==, "\n");
  if (part != NULL)
    assert_contains (run->err, part);
}

static void
save_plan (const char *db,
           KedjaPlan  *plan)
{
  g_autoptr(GPtrArray) plans = g_ptr_array_new ();

  g_ptr_array_add (plans, plan);
  save_plans (db, plans);
}

static KedjaPlan *
load_plan (const char *db,
           const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KedjaStore) store = kedja_store_open (db, &error);
  KedjaPlan *plan;

  g_assert_no_error (error);
  plan = kedja_store_load_plan (store, id, &error);
  g_assert_no_error (error);
  return plan;
}

static GPtrArray *
load_audit (const char *db,
            const char *entity_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KedjaStore) store = kedja_store_open (db, &error);
  GPtrArray *entries;

  g_assert_no_error (error);
  entries = kedja_store_list_audit (store, entity_id, &error);
  g_assert_no_error (error);
  return entries;
}

/* What "the database did not change" is compared by: the list and the
 * length of the log. */
static char *
database_state (const char *db)
{
  g_autoptr(Run) run = run_cli ("--database", db, "list", "--format", "csv", NULL);
  g_autoptr(GPtrArray) audit = load_audit (db, NULL);

  assert_success (run);
  return g_strdup_printf ("%s\naudit entries: %u", run->out, audit->len);
}

static Run *
export_plan (const char *db,
             const char *plan_id,
             const char *format,
             const char *output,
             ...)  /* more arguments, NULL-terminated */
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  g_ptr_array_add (args, "--database");
  g_ptr_array_add (args, (char *) db);
  g_ptr_array_add (args, "export");
  g_ptr_array_add (args, "--plan");
  g_ptr_array_add (args, (char *) plan_id);
  g_ptr_array_add (args, "--format");
  g_ptr_array_add (args, (char *) format);
  g_ptr_array_add (args, "--today");
  g_ptr_array_add (args, TODAY_TEXT);
  if (output != NULL)
    {
      g_ptr_array_add (args, "-o");
      g_ptr_array_add (args, (char *) output);
    }
  va_start (ap, output);
  for (const char *arg = va_arg (ap, const char *); arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  return run_cli_argv ((const char *const *) args->pdata);
}

/* The sample plan with every field set (store-test-util.c), for a person
 * without a protected identity, so that everything can come back. SIP 1.0
 * has no place for a rating's note: the notes are left empty here and
 * tested on their own. */
static KedjaPlan *
full_plan (void)
{
  KedjaPlan *plan = test_plan_full ();

  plan->client->protected_identity = FALSE;
  for (guint i = 0; i < plan->ratings->len; i++)
    g_clear_pointer (&((KedjaRating *) g_ptr_array_index (plan->ratings, i))->note, g_free);
  return plan;
}

/* ---------------------------------------------------------- round trip */

static void
test_roundtrip (CliFixture   *f,
                gconstpointer data)
{
  g_autoptr(KedjaPlan) plan = full_plan ();
  g_autoptr(KedjaPlan) loaded = NULL;
  g_autofree char *first = path_in (f, "first.xml");
  g_autofree char *second = path_in (f, "second.xml");
  g_autoptr(GBytes) first_bytes = NULL;
  g_autoptr(GBytes) second_bytes = NULL;
  g_autoptr(Run) out = NULL;
  g_autoptr(Run) in = NULL;
  g_autoptr(Run) again = NULL;
  g_autofree char *summary = NULL;

  save_plan (f->db, plan);
  g_assert_cmpint (plan->revision, ==, 1);

  out = export_plan (f->db, TEST_PLAN_ID, "sip", first, NULL);
  assert_success (out);
  g_assert_cmpuint (test_file_mode (first), ==, 0600);

  in = run_cli ("--database", f->empty, "import", first, NULL);
  assert_success (in);
  summary = g_strdup_printf ("%s: 1 plan imported (1 new, 0 replaced), 5 agencies added\n",
                             first);
  g_assert_cmpstr (in->out, ==, summary);

  loaded = load_plan (f->empty, TEST_PLAN_ID);
  g_assert_cmpstr (loaded->title, ==, "SIP för Åsa <&\"'> 🌱");
  g_assert_cmpstr (loaded->client->name, ==, "Åsa Öberg-Ängström 🌱");
  g_assert_cmpint (loaded->revision, ==, 1);
  g_assert_true (kedja_plan_equal (loaded, plan));

  /* From the new database, the same bytes. */
  again = export_plan (f->empty, TEST_PLAN_ID, "sip", second, NULL);
  assert_success (again);
  first_bytes = read_bytes (first);
  second_bytes = read_bytes (second);
  g_assert_cmpuint (g_bytes_get_size (first_bytes), ==, g_bytes_get_size (second_bytes));
  g_assert_true (g_bytes_equal (first_bytes, second_bytes));
}

/* A rating's note is the one thing SIP 1.0 cannot carry. */
static void
test_roundtrip_rating_note (CliFixture   *f,
                            gconstpointer data)
{
  g_autoptr(KedjaPlan) plan = full_plan ();
  g_autoptr(KedjaPlan) loaded = NULL;
  g_autofree char *file = path_in (f, "note.xml");
  g_autoptr(Run) out = NULL;
  g_autoptr(Run) in = NULL;
  KedjaRating *rating = g_ptr_array_index (plan->ratings, 0);

  rating->note = g_strdup ("Bor hos en vän <tillfälligt>");
  save_plan (f->db, plan);
  out = export_plan (f->db, TEST_PLAN_ID, "sip", file, NULL);
  assert_success (out);
  in = run_cli ("--database", f->empty, "import", file, NULL);
  assert_success (in);

  loaded = load_plan (f->empty, TEST_PLAN_ID);
  g_assert_false (kedja_plan_equal (loaded, plan));
  g_clear_pointer (&rating->note, g_free);
  g_assert_true (kedja_plan_equal (loaded, plan));
}

/* A plan as a SIP file can hold it: no rating has a note (SIP 1.0 has no
 * place for one), and a protected person's plan as the export policy lets
 * it leave (its own tests are in tests/core/test-export-policy.c): no name,
 * number or district, and no free text that names them. */
static KedjaPlan *
as_sip_carries (const KedjaPlan *plan)
{
  KedjaExportPolicy policy;
  KedjaPlan *sent;

  kedja_export_policy_init (&policy);
  sent = kedja_plan_copy_for_export (plan, &policy);
  kedja_export_policy_clear (&policy);
  for (guint i = 0; i < sent->ratings->len; i++)
    g_clear_pointer (&((KedjaRating *) g_ptr_array_index (sent->ratings, i))->note, g_free);
  return sent;
}

static GPtrArray *
load_all (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KedjaStore) store = kedja_store_open (db, &error);
  GPtrArray *plans;

  g_assert_no_error (error);
  plans = kedja_store_load_all_plans (store, &error);
  g_assert_no_error (error);
  return plans;
}

/* A city's plans: out as one collection, into a new database, and the
 * same plans come back. */
static void
test_roundtrip_collection (CliFixture   *f,
                           gconstpointer data)
{
  g_autofree char *file = path_in (f, "all.xml");
  g_autofree char *again_file = path_in (f, "again.xml");
  g_autoptr(Run) demo = NULL;
  g_autoptr(Run) out = NULL;
  g_autoptr(Run) in = NULL;
  g_autoptr(Run) list_before = NULL;
  g_autoptr(Run) list_after = NULL;
  g_autoptr(Run) again = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GBytes) first_bytes = NULL;
  g_autoptr(GBytes) again_bytes = NULL;
  guint n_exports = 0;

  demo = run_cli ("--database", f->db, "demo", "--clients", "2000", "--seed", "11", "--today",
                  TODAY_TEXT, NULL);
  assert_success (demo);
  out = run_cli ("--database", f->db, "export", "--all", "--format", "sip", "-o", file,
                 "--today", TODAY_TEXT, NULL);
  assert_success (out);
  g_assert_cmpuint (test_file_mode (file), ==, 0600);

  /* One audit entry per plan. */
  audit = load_audit (f->db, NULL);
  for (guint i = 0; i < audit->len; i++)
    if (g_str_equal (((KedjaAuditEntry *) g_ptr_array_index (audit, i))->action, "export"))
      n_exports++;
  g_assert_cmpuint (n_exports, ==, 2000);

  in = run_cli ("--database", f->empty, "import", file, NULL);
  assert_success (in);
  assert_contains (in->out, "2000 plans imported (2000 new, 0 replaced)");

  list_before = run_cli ("--database", f->db, "list", "--format", "csv", NULL);
  list_after = run_cli ("--database", f->empty, "list", "--format", "csv", NULL);
  assert_success (list_before);
  assert_success (list_after);
  g_assert_cmpstr (list_after->out, ==, list_before->out);

  before = load_all (f->db);
  after = load_all (f->empty);
  g_assert_cmpuint (after->len, ==, 2000);
  g_assert_cmpuint (before->len, ==, after->len);
  for (guint i = 0; i < after->len; i++)
    {
      KedjaPlan *plan = g_ptr_array_index (after, i);
      g_hash_table_insert (by_id, plan->id, plan);
    }
  for (guint i = 0; i < before->len; i++)
    {
      KedjaPlan *plan = g_ptr_array_index (before, i);
      KedjaPlan *back = g_hash_table_lookup (by_id, plan->id);

      g_assert_nonnull (back);
      /* The demo has rating notes and protected identities. */
      g_autoptr(KedjaPlan) sent = as_sip_carries (plan);

      if (!kedja_plan_equal (sent, back))
        g_error ("the plan %s did not come back as it went out", plan->id);
    }

  /* And the new database writes the same collection. */
  again = run_cli ("--database", f->empty, "export", "--all", "--format", "sip", "-o",
                   again_file, "--today", TODAY_TEXT, NULL);
  assert_success (again);
  first_bytes = read_bytes (file);
  again_bytes = read_bytes (again_file);
  g_assert_true (g_bytes_equal (first_bytes, again_bytes));
}

/* ------------------------------------------------------------ refusals */

/* A small plan whose file the refusal tests spoil one way each. */
static KedjaPlan *
base_plan (void)
{
  KedjaPlan *plan = new_plan ("Bo Ek", "Centrum", KEDJA_PLAN_STATUS_ACTIVE, "SIP för Bo");

  plan->client->personal_number = g_strdup ("19121212-1212");
  add_step (plan, KEDJA_PHASE_DETOX, KEDJA_CARE_SETTING_INPATIENT, CLINIC_ID, "Avgiftning",
            D (2026, 9, 1), D (2026, 9, 10));
  add_step (plan, KEDJA_PHASE_TREATMENT, KEDJA_CARE_SETTING_OUTPATIENT, CLINIC_ID,
            "Öppenvård", D (2026, 9, 11), D (2026, 12, 20));
  add_consent (plan, CLINIC_ID);
  return plan;
}

static char *
replace_once (const char *text,
              const char *from,
              const char *to)
{
  const char *at = strstr (text, from);

  if (at == NULL)
    g_error ("the export has no “%s” to spoil", from);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, to, at + strlen (from));
}

static char *
step_id (KedjaPlan *plan,
         guint      i)
{
  return ((KedjaStep *) g_ptr_array_index (plan->steps, i))->id;
}

typedef enum {
  SPOIL_DOCTYPE_EXTERNAL,
  SPOIL_ENTITY_BOMB,
  SPOIL_NAMESPACE,
  SPOIL_UNKNOWN_ELEMENT,
  SPOIL_MISSING_ELEMENT,
  SPOIL_DANGLING_REFERENCE,
  SPOIL_DUPLICATE_ID,
  SPOIL_IMPOSSIBLE_DATE,
  SPOIL_END_BEFORE_START,
  SPOIL_CHECK_DIGIT,
  SPOIL_TRUNCATED,
  SPOIL_INVALID_UTF8,
  SPOIL_EMPTY,
  N_SPOILS
} Spoil;

static const char *const spoil_names[N_SPOILS] = {
  "doctype-external-entity", "entity-bomb", "wrong-namespace", "unknown-element",
  "missing-element", "dangling-reference", "duplicate-id", "impossible-date",
  "end-before-start", "bad-check-digit", "truncated", "invalid-utf8", "empty",
};

/* Inserts @doctype after the XML declaration. */
static char *
with_doctype (const char *xml,
              const char *doctype)
{
  const char *end = strstr (xml, "?>");

  g_assert_nonnull (end);
  end += 2;
  return g_strdup_printf ("%.*s\n%s%s", (int) (end - xml), xml, doctype, end);
}

static char *
spoil (const char *xml,
       KedjaPlan  *plan,
       Spoil       how,
       gsize      *out_length)
{
  g_autofree char *planned = NULL;
  g_autofree char *spoiled_planned = NULL;
  g_autofree char *first_id = NULL;
  g_autofree char *second_id = NULL;
  char *result = NULL;

  switch (how)
    {
    case SPOIL_DOCTYPE_EXTERNAL:
      result = with_doctype (xml, "<!DOCTYPE sip [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>");
      {
        char *with_use = replace_once (result, "</title>", "&secret;</title>");
        g_free (result);
        result = with_use;
      }
      break;
    case SPOIL_ENTITY_BOMB:
      result = with_doctype (xml,
                             "<!DOCTYPE sip [\n"
                             " <!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">\n"
                             " <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
                             " <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
                             " <!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
                             " <!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
                             " <!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n"
                             " <!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">\n"
                             "]>");
      {
        char *with_use = replace_once (result, "</title>", "&g;</title>");
        g_free (result);
        result = with_use;
      }
      break;
    case SPOIL_NAMESPACE:
      result = replace_once (xml, "xmlns=\"urn:kedja:sip:1\"", "xmlns=\"urn:kedja:sip:2\"");
      break;
    case SPOIL_UNKNOWN_ELEMENT:
      result = replace_once (xml, "</title>", "</title><colour>red</colour>");
      break;
    case SPOIL_MISSING_ELEMENT:
      {
        const char *start = strstr (xml, "<title>");
        const char *end = strstr (xml, "</title>");

        g_assert_true (start != NULL && end != NULL);
        end += strlen ("</title>");
        result = g_strdup_printf ("%.*s%s", (int) (start - xml), xml, end);
      }
      break;
    case SPOIL_DANGLING_REFERENCE:
      result = replace_once (xml, "<coordination agency=\"" SOCIAL_ID "\"",
                             "<coordination agency=\"no-such-agency\"");
      break;
    case SPOIL_DUPLICATE_ID:
      first_id = g_strdup_printf (" id=\"%s\"", step_id (plan, 0));
      second_id = g_strdup_printf (" id=\"%s\"", step_id (plan, 1));
      result = replace_once (xml, second_id, first_id);
      break;
    case SPOIL_IMPOSSIBLE_DATE:
      result = replace_once (xml, "created=\"2026-06-01\"", "created=\"2026-02-30\"");
      break;
    case SPOIL_END_BEFORE_START:
      result = replace_once (xml, "<planned start=\"2026-09-11\" end=\"2026-12-20\"/>",
                             "<planned start=\"2026-09-11\" end=\"2026-08-20\"/>");
      break;
    case SPOIL_CHECK_DIGIT:
      result = replace_once (xml, "19121212-1212", "19121212-1213");
      break;
    case SPOIL_TRUNCATED:
      result = g_strndup (xml, strlen (xml) / 2);
      break;
    case SPOIL_INVALID_UTF8:
      result = replace_once (xml, "SIP för Bo", "SIP f\xf6r Bo \xff\xfe");
      break;
    case SPOIL_EMPTY:
      result = g_strdup ("");
      break;
    case N_SPOILS:
    default:
      g_assert_not_reached ();
    }
  *out_length = strlen (result);
  return result;
}

/* Every way a file can be bad: refused with a line of its own, and the
 * database as it was. Also through `validate`, which must not call a bad
 * file valid. */
static void
test_refusals (CliFixture   *f,
               gconstpointer data)
{
  g_autoptr(KedjaPlan) plan = base_plan ();
  g_autoptr(KedjaPlan) other = new_plan ("Cecilia Öst", NULL, KEDJA_PLAN_STATUS_DRAFT, "Annan");
  g_autofree char *good = path_in (f, "good.xml");
  g_autoptr(GBytes) good_bytes = NULL;
  g_autoptr(GHashTable) messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(Run) out = NULL;
  g_autofree char *state = NULL;
  g_autofree char *xml = NULL;

  save_plan (f->db, plan);
  out = export_plan (f->db, plan->id, "sip", good, NULL);
  assert_success (out);
  good_bytes = read_bytes (good);
  xml = g_strndup (g_bytes_get_data (good_bytes, NULL), g_bytes_get_size (good_bytes));

  /* The database the files are refused by holds another plan. */
  save_plan (f->empty, other);
  state = database_state (f->empty);

  for (Spoil how = 0; how < N_SPOILS; how++)
    {
      g_autofree char *name = g_strdup_printf ("%s.xml", spoil_names[how]);
      g_autofree char *file = path_in (f, name);
      g_autofree char *spoiled = NULL;
      g_autofree char *after = NULL;
      g_autoptr(Run) in = NULL;
      g_autoptr(Run) check = NULL;
      gsize length;

      g_test_message ("%s", spoil_names[how]);
      spoiled = spoil (xml, plan, how, &length);
      write_bytes (file, spoiled, length);

      in = run_cli ("--database", f->empty, "import", file, NULL);
      /* The file's name in the message, so that a batch of files says
       * which one was bad. */
      assert_refused (in, how == SPOIL_EMPTY ? 2 : -1, name);
      /* 2 for what is no SIP document at all (kedja-exchange.h: not XML,
       * or of an unknown kind), 1 for a SIP document that is refused. */
      if (how != SPOIL_EMPTY && how != SPOIL_TRUNCATED && how != SPOIL_INVALID_UTF8
          && how != SPOIL_NAMESPACE)
        g_assert_cmpint (in->status, ==, 1);
      g_test_message ("%s: status %d, %s", spoil_names[how], in->status, in->err);
      /* Each refusal in words of its own; only the two DOCTYPEs are refused
       * alike, unread, whatever they declare. */
      if (how != SPOIL_ENTITY_BOMB)
        {
          g_auto(GStrv) parts = g_strsplit (in->err, name, -1);
          g_autofree char *words = g_strjoinv ("FILE", parts);

          if (!g_hash_table_add (messages, g_steal_pointer (&words)))
            g_error ("%s was refused with the same words as another file: %s", name, in->err);
        }

      after = database_state (f->empty);
      g_assert_cmpstr (after, ==, state);

      check = run_cli ("validate", file, NULL);
      g_assert_cmpint (check->status, !=, 0);
      g_assert_null (strstr (check->out, ": valid ("));
    }
}

static void
test_not_newer (CliFixture   *f,
                gconstpointer data)
{
  g_autoptr(KedjaPlan) plan = base_plan ();
  g_autoptr(KedjaPlan) loaded = NULL;
  g_autofree char *file = path_in (f, "plan.xml");
  g_autofree char *state = NULL;
  g_autofree char *after = NULL;
  g_autoptr(Run) out = NULL;
  g_autoptr(Run) same = NULL;
  g_autoptr(Run) forced = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  KedjaAuditEntry *last;

  save_plan (f->db, plan);
  out = export_plan (f->db, plan->id, "sip", file, NULL);
  assert_success (out);

  /* Changed here since: the file is now older than the database. */
  g_free (plan->coordinator);
  plan->coordinator = g_strdup ("Karin Öst");
  save_plan (f->db, plan);
  g_assert_cmpint (plan->revision, ==, 2);
  state = database_state (f->db);

  same = run_cli ("--database", f->db, "import", file, NULL);
  assert_refused (same, 1, "--force");
  assert_contains (same->err, "revision 1");
  assert_contains (same->err, "revision 2");
  assert_contains (same->err, "SIP för Bo");
  after = database_state (f->db);
  g_assert_cmpstr (after, ==, state);

  /* The same revision is refused as well: in a new database, twice. */
  {
    g_autoptr(Run) first = run_cli ("--database", f->empty, "import", file, NULL);
    g_autoptr(Run) twice = NULL;
    g_autofree char *fresh = NULL;
    g_autofree char *fresh_after = NULL;

    assert_success (first);
    fresh = database_state (f->empty);
    twice = run_cli ("--database", f->empty, "import", file, NULL);
    assert_refused (twice, 1, "is revision 1, but");
    assert_contains (twice->err, "already holds revision 1");
    fresh_after = database_state (f->empty);
    g_assert_cmpstr (fresh_after, ==, fresh);
  }

  forced = run_cli ("--database", f->db, "import", "--force", file, NULL);
  assert_success (forced);
  assert_contains (forced->out, "1 plan imported (0 new, 1 replaced)");
  loaded = load_plan (f->db, plan->id);
  g_assert_cmpint (loaded->revision, ==, 3);
  g_assert_cmpstr (loaded->coordinator, ==, "Maria Lind");

  audit = load_audit (f->db, plan->id);
  last = g_ptr_array_index (audit, audit->len - 1);
  g_assert_cmpstr (last->action, ==, "import");
  assert_contains (last->detail, "forced");
}

/* Two files: the good one goes in, the bad one does not, each says so. */
static void
test_import_several (CliFixture   *f,
                     gconstpointer data)
{
  g_autoptr(KedjaPlan) plan = base_plan ();
  g_autofree char *good = path_in (f, "good.xml");
  g_autofree char *bad = path_in (f, "bad.xml");
  g_autoptr(Run) out = NULL;
  g_autoptr(Run) in = NULL;

  save_plan (f->db, plan);
  out = export_plan (f->db, plan->id, "sip", good, NULL);
  assert_success (out);
  write_bytes (bad, "<sip xmlns=\"urn:kedja:sip:1\"/>", -1);

  in = run_cli ("--database", f->empty, "import", bad, good, NULL);
  g_assert_cmpint (in->status, ==, 1);
  assert_contains (in->out, "good.xml: 1 plan imported (1 new, 0 replaced), 2 agencies added");
  assert_contains (in->err, "bad.xml");

  /* No such file: unusable, status 2. */
  g_clear_pointer (&in, run_free);
  in = run_cli ("--database", f->empty, "import", "--force", good, "no-such-file.xml", NULL);
  g_assert_cmpint (in->status, ==, 2);
  assert_contains (in->err, "no-such-file.xml");
}

/* Plans are saved while the rest of the file is still being read: a
 * problem after the first plan, or a conflict with the second, must still
 * leave the database as it was, the first plan included. */
static void
test_import_late_problem (CliFixture   *f,
                          gconstpointer data)
{
  g_autoptr(KedjaPlan) first = base_plan ();
  g_autoptr(KedjaPlan) second = new_plan ("Cecilia Öst", NULL, KEDJA_PLAN_STATUS_ACTIVE, "Andra");
  g_autofree char *all = path_in (f, "all.xml");
  g_autofree char *cut = path_in (f, "cut.xml");
  g_autofree char *state = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(Run) out = NULL;
  g_autoptr(Run) in = NULL;
  const char *data_text, *second_start;
  gsize size;

  save_plan (f->db, first);
  save_plan (f->db, second);
  out = run_cli ("--database", f->db, "export", "--all", "--format", "sip", "-o", all,
                 "--today", TODAY_TEXT, NULL);
  assert_success (out);

  /* Cut the collection in the middle of its second plan. */
  bytes = read_bytes (all);
  data_text = g_bytes_get_data (bytes, &size);
  second_start = g_strstr_len (g_strstr_len (data_text, size, "<sip ") + 1, -1, "<sip ");
  g_assert_nonnull (second_start);
  write_bytes (cut, data_text, (second_start - data_text) + 200);

  state = database_state (f->empty);
  in = run_cli ("--database", f->empty, "import", cut, NULL);
  assert_refused (in, -1, "cut.xml");
  after = database_state (f->empty);
  g_assert_cmpstr (after, ==, state);

  /* The second plan is already there, at a newer revision: the first,
   * saved a moment before, goes too. */
  g_clear_pointer (&in, run_free);
  g_clear_pointer (&after, g_free);
  g_clear_pointer (&state, g_free);
  second->revision = 0;
  second->title = (g_free (second->title), g_strdup ("Andra, nyare"));
  save_plan (f->empty, second);
  save_plan (f->empty, second);
  state = database_state (f->empty);
  in = run_cli ("--database", f->empty, "import", all, NULL);
  assert_refused (in, 1, "--force");
  after = database_state (f->empty);
  g_assert_cmpstr (after, ==, state);
}

/* ------------------------------------------------------------- consent */

/* The plan of the consent tests: a health step the client may want kept
 * from the clinic, with the clinic responsible for the rest. */
static KedjaPlan *
consent_plan (void)
{
  KedjaPlan *plan = base_plan ();

  add_step (plan, KEDJA_PHASE_HEALTH, KEDJA_CARE_SETTING_NONE, CLINIC_ID,
            "Psykiatrisk bedömning", D (2026, 10, 5), D (2026, 10, 5));
  /* base_plan's consent for the clinic is the tests' to set. */
  g_ptr_array_set_size (plan->consents, 0);
  return plan;
}

static KedjaConsent *
clinic_consent (KedjaPlan *plan)
{
  KedjaConsent *consent = kedja_consent_new (CLINIC_ID, D (2026, 6, 1),
                                             KEDJA_CONSENT_FORM_WRITTEN);

  g_ptr_array_add (plan->consents, consent);
  return consent;
}

static void
check_refused_for_consent (CliFixture *f,
                           KedjaPlan  *plan,
                           const char *reason)
{
  g_autofree char *file = path_in (f, "to-clinic.xml");
  g_autoptr(Run) run = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  KedjaAuditEntry *last;

  save_plan (f->db, plan);
  run = export_plan (f->db, plan->id, "sip", file, "--recipient", CLINIC_ID, NULL);
  assert_refused (run, 4, "Beroendekliniken");
  assert_contains (run->err, reason);
  g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));

  /* The attempt is logged. */
  audit = load_audit (f->db, plan->id);
  last = g_ptr_array_index (audit, audit->len - 1);
  g_assert_cmpstr (last->action, ==, "export-refused");
  assert_contains (last->detail, "Beroendekliniken");
}

static void
test_consent_missing (CliFixture   *f,
                      gconstpointer data)
{
  g_autoptr(KedjaPlan) plan = consent_plan ();

  check_refused_for_consent (f, plan, "no consent");
}

static void
test_consent_withdrawn (CliFixture   *f,
                        gconstpointer data)
{
  g_autoptr(KedjaPlan) plan = consent_plan ();

  clinic_consent (plan)->withdrawn = TODAY - 1;
  check_refused_for_consent (f, plan, "withdrew");
}

static void
test_consent_expired (CliFixture   *f,
                      gconstpointer data)
{
  g_autoptr(KedjaPlan) plan = consent_plan ();

  clinic_consent (plan)->expires = TODAY - 1;
  check_refused_for_consent (f, plan, "expired");
}

/* A collection goes whole or not at all. */
static void
test_consent_collection (CliFixture   *f,
                         gconstpointer data)
{
  g_autoptr(KedjaPlan) with = consent_plan ();
  g_autoptr(KedjaPlan) without = consent_plan ();
  g_autofree char *file = path_in (f, "all.xml");
  g_autoptr(Run) run = NULL;

  clinic_consent (with);
  save_plan (f->db, with);
  save_plan (f->db, without);
  run = run_cli ("--database", f->db, "export", "--all", "--format", "sip", "-o", file,
                 "--recipient", CLINIC_ID, "--today", TODAY_TEXT, NULL);
  assert_refused (run, 4, "1 of 2 plans");
  g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
}

static void
test_consent_in_force (CliFixture   *f,
                       gconstpointer data)
{
  g_autoptr(KedjaPlan) plan = consent_plan ();
  g_autofree char *file = path_in (f, "to-clinic.xml");
  g_autoptr(Run) run = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GBytes) bytes = NULL;
  KedjaAuditEntry *last;

  clinic_consent (plan);
  save_plan (f->db, plan);
  run = export_plan (f->db, plan->id, "sip", file, "--recipient", CLINIC_ID, NULL);
  assert_success (run);
  g_assert_cmpuint (test_file_mode (file), ==, 0600);
  bytes = read_bytes (file);
  g_assert_true (bytes_contain (bytes, "Psykiatrisk bedömning"));

  audit = load_audit (f->db, plan->id);
  last = g_ptr_array_index (audit, audit->len - 1);
  g_assert_cmpstr (last->action, ==, "export");
  g_assert_cmpstr (last->entity, ==, "plan");
  assert_contains (last->detail, "SIP XML 1.0");
  assert_contains (last->detail, "Beroendekliniken");
  assert_contains (last->detail, CLINIC_ID);
  assert_contains (last->detail, "to-clinic.xml");
  assert_contains (last->detail, "Not pseudonymised");
}

static void
test_consent_exclusion (CliFixture   *f,
                        gconstpointer data)
{
  g_autoptr(KedjaPlan) plan = consent_plan ();
  g_autofree char *file = path_in (f, "to-clinic.xml");
  g_autofree char *health_id = NULL;
  g_autoptr(Run) run = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  KedjaAuditEntry *last;

  clinic_consent (plan)->exclusion = g_strdup ("Inget om psykiatrin");
  health_id = g_strdup (step_id (plan, 2));
  save_plan (f->db, plan);
  run = export_plan (f->db, plan->id, "sip", file, "--recipient", CLINIC_ID, NULL);
  assert_success (run);

  bytes = read_bytes (file);
  g_assert_true (bytes_contain (bytes, "Avgiftning"));
  assert_absent (bytes, "excluded step", "Psykiatrisk bedömning");
  assert_absent (bytes, "excluded step's id", health_id);
  assert_absent (bytes, "excluded phase", "phase=\"health\"");

  audit = load_audit (f->db, plan->id);
  last = g_ptr_array_index (audit, audit->len - 1);
  assert_contains (last->detail, "health");
}

static void
test_consent_exclusion_unrecognised (CliFixture   *f,
                                     gconstpointer data)
{
  g_autoptr(KedjaPlan) plan = consent_plan ();
  g_autofree char *file = path_in (f, "to-clinic.xml");
  g_autoptr(Run) run = NULL;

  clinic_consent (plan)->exclusion = g_strdup ("Inget om rättegången");
  save_plan (f->db, plan);
  run = export_plan (f->db, plan->id, "sip", file, "--recipient", CLINIC_ID, NULL);
  g_assert_cmpint (run->status, ==, 0);
  assert_contains (run->err, "The consent for Beroendekliniken excludes “");
  assert_contains (run->err, "rättegången");
  assert_contains (run->err, "check the file before sending it");
  g_assert_true (g_file_test (file, G_FILE_TEST_EXISTS));
}

/* ------------------------------------------------------------- privacy */

#define SECRET_NAME   "Åsa Öberg-Ängström"
#define SECRET_NUMBER "19121212-1212"

/* Every way the number could be written. */
static void
assert_no_identity (GBytes     *bytes,
                    gboolean    name_too)
{
  static const char *const numbers[] = {
    SECRET_NUMBER, "191212121212", "121212-1212", "1212121212", "121212+1212",
  };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    assert_absent (bytes, "identity number", numbers[i]);
  if (name_too)
    {
      assert_absent (bytes, "name", SECRET_NAME);
      assert_absent (bytes, "surname", "Öberg-Ängström");
      assert_absent (bytes, "district", "Gårdsten");
      assert_absent (bytes, "relative's name", "Örjan");
    }
}

/* The full sample plan, whose client sits at the table by first name and
 * has a relative there; as @protected says. */
static KedjaPlan *
secret_plan (gboolean protected)
{
  KedjaPlan *plan = test_plan_full ();

  g_free (plan->client->name);
  plan->client->name = g_strdup (SECRET_NAME);
  g_free (plan->client->district);
  plan->client->district = g_strdup ("Gårdsten");
  plan->client->protected_identity = protected;
  g_free (plan->title);
  plan->title = g_strdup ("Samordnad plan");
  return plan;
}

static GBytes *
export_bytes (CliFixture *f,
              const char *id,
              const char *format,
              gboolean    pseudonymise)
{
  g_autofree char *name = g_strdup_printf ("%s-%s.xml", format, pseudonymise ? "pseudo" : "plain");
  g_autofree char *file = path_in (f, name);
  g_autoptr(Run) run = NULL;

  run = export_plan (f->db, id, format, file, pseudonymise ? "--pseudonymise" : NULL, NULL);
  assert_success (run);
  return read_bytes (file);
}

/* A FHIR file without the person's name or number must still be what HL7's
 * schema allows, where the schema is there to ask. */
static void
assert_fhir_valid (CliFixture *f,
                   const char *name)
{
  const char *schema = g_getenv ("KEDJA_FHIR_SCHEMA");
  g_autofree char *file = path_in (f, name);
  g_autoptr(Run) check = NULL;

  if (schema == NULL || !g_file_test (schema, G_FILE_TEST_IS_REGULAR))
    return;
  check = run_cli ("validate", file, NULL);
  assert_success (check);
  assert_contains (check->out, ": valid (FHIR)");
}

static void
check_pseudonymised (CliFixture *f,
                     const char *format)
{
  g_autoptr(KedjaPlan) plan = secret_plan (FALSE);
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  KedjaAuditEntry *last;

  save_plan (f->db, plan);
  /* Unprotected and not pseudonymised, the name does go out: the test
   * looks for the right bytes. */
  plain = export_bytes (f, TEST_PLAN_ID, format, FALSE);
  g_assert_true (bytes_contain (plain, SECRET_NAME));
  g_assert_true (bytes_contain (plain, "191212121212") || bytes_contain (plain, SECRET_NUMBER));

  bytes = export_bytes (f, TEST_PLAN_ID, format, TRUE);
  assert_no_identity (bytes, TRUE);
  assert_absent (bytes, "client id", TEST_CLIENT_ID);
  assert_absent (bytes, "plan id", TEST_PLAN_ID);

  /* Stable: the same pseudonyms the next time. */
  again = export_bytes (f, TEST_PLAN_ID, format, TRUE);
  g_assert_true (g_bytes_equal (bytes, again));
  if (g_str_equal (format, "fhir"))
    assert_fhir_valid (f, "fhir-pseudo.xml");

  audit = load_audit (f->db, TEST_PLAN_ID);
  last = g_ptr_array_index (audit, audit->len - 1);
  assert_contains (last->detail, "\nPseudonymised\n");
}

static void
test_privacy_pseudonymise_sip (CliFixture   *f,
                               gconstpointer data)
{
  check_pseudonymised (f, "sip");
}

static void
test_privacy_pseudonymise_fhir (CliFixture   *f,
                                gconstpointer data)
{
  check_pseudonymised (f, "fhir");
}

static void
test_privacy_protected (CliFixture   *f,
                        gconstpointer data)
{
  g_autoptr(KedjaPlan) plan = secret_plan (TRUE);
  g_autoptr(GBytes) sip = NULL;
  g_autoptr(GBytes) fhir = NULL;
  g_autoptr(GPtrArray) audit = NULL;

  save_plan (f->db, plan);
  sip = export_bytes (f, TEST_PLAN_ID, "sip", FALSE);
  assert_no_identity (sip, TRUE);
  fhir = export_bytes (f, TEST_PLAN_ID, "fhir", FALSE);
  assert_no_identity (fhir, TRUE);
  assert_fhir_valid (f, "fhir-plain.xml");

  /* Nor does the log name the person. */
  audit = load_audit (f->db, NULL);
  for (guint i = 0; i < audit->len; i++)
    {
      KedjaAuditEntry *entry = g_ptr_array_index (audit, i);
      g_assert_null (entry->detail ? strstr (entry->detail, SECRET_NUMBER) : NULL);
    }
}

/* Standard output is an export like any other: logged, and private. */
static void
test_stdout (CliFixture   *f,
             gconstpointer data)
{
  g_autoptr(KedjaPlan) plan = secret_plan (TRUE);
  g_autoptr(Run) run = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  KedjaAuditEntry *last;

  save_plan (f->db, plan);
  run = export_plan (f->db, TEST_PLAN_ID, "sip", NULL, NULL);
  assert_success (run);
  g_assert_true (g_str_has_prefix (run->out, "<?xml"));
  bytes = g_bytes_new (run->out, strlen (run->out));
  assert_no_identity (bytes, TRUE);

  audit = load_audit (f->db, TEST_PLAN_ID);
  last = g_ptr_array_index (audit, audit->len - 1);
  g_assert_cmpstr (last->action, ==, "export");
  assert_contains (last->detail, "No recipient");
  assert_contains (last->detail, "standard output");
}

/* ------------------------------------------------------------- options */

static void
test_bad_arguments (CliFixture   *f,
                    gconstpointer data)
{
  static const char *const cases[][8] = {
    { "export", "--format", "sip", NULL },
    { "export", "--all", "--plan", "x", "--format", "sip", "-o", "x.xml" },
    { "export", "--all", "--format", "fhir", "-o", "x.xml", NULL },
    { "export", "--all", "--format", "sip", NULL },
    { "export", "--plan", "x", "--format", "pdf", NULL },
    { "export", "--plan", "x", NULL },
    { "import", NULL },
    { "validate", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_autoptr(Run) run = NULL;

      g_ptr_array_add (args, "--database");
      g_ptr_array_add (args, f->empty);
      for (guint j = 0; j < G_N_ELEMENTS (cases[i]) && cases[i][j] != NULL; j++)
        g_ptr_array_add (args, (char *) cases[i][j]);
      g_ptr_array_add (args, NULL);
      run = run_cli_argv ((const char *const *) args->pdata);
      assert_fails (run, NULL);
      /* Bad arguments never make a database. */
      g_assert_false (g_file_test (f->empty, G_FILE_TEST_EXISTS));
    }
}

static void
test_help (void)
{
  g_autoptr(Run) top = run_cli ("--help", NULL);
  g_autoptr(Run) export = run_cli ("export", "--help", NULL);
  g_autoptr(Run) import = run_cli ("import", "--help", NULL);
  g_autoptr(Run) validate = run_cli ("validate", "--help", NULL);

  assert_success (top);
  assert_contains (top->out, "\n  export  ");
  assert_contains (top->out, "\n  import  ");
  assert_contains (top->out, "\n  validate  ");
  assert_success (export);
  assert_contains (export->out, "0600");
  assert_contains (export->out, "--recipient");
  assert_success (import);
  assert_contains (import->out, "--force");
  assert_success (validate);
  assert_contains (validate->out, "--fhir-schema");
}

/* ------------------------------------------------------------ validate */

static void
test_validate (CliFixture   *f,
               gconstpointer data)
{
  g_autoptr(KedjaPlan) plan = base_plan ();
  g_autofree char *good = path_in (f, "good.xml");
  g_autofree char *bad = path_in (f, "bad.xml");
  g_autofree char *empty = path_in (f, "empty.xml");
  g_autofree char *expected = NULL;
  g_autoptr(Run) out = NULL;
  g_autoptr(Run) valid = NULL;
  g_autoptr(Run) invalid = NULL;
  g_autoptr(Run) unusable = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *spoiled = NULL;

  save_plan (f->db, plan);
  out = export_plan (f->db, plan->id, "sip", good, NULL);
  assert_success (out);
  bytes = read_bytes (good);
  spoiled = replace_once (g_bytes_get_data (bytes, NULL), "</title>",
                          "</title><colour>red</colour>");
  write_bytes (bad, spoiled, -1);
  write_bytes (empty, "", 0);

  valid = run_cli ("validate", good, NULL);
  assert_success (valid);
  expected = g_strdup_printf ("%s: valid (SIP)\n", good);
  g_assert_cmpstr (valid->out, ==, expected);

  invalid = run_cli ("validate", good, bad, NULL);
  g_assert_cmpint (invalid->status, ==, 1);
  assert_contains (invalid->out, expected);
  assert_contains (invalid->out, "bad.xml:");
  assert_contains (invalid->out, "colour");
  assert_contains (invalid->out, "invalid (SIP)");

  unusable = run_cli ("validate", good, bad, empty, NULL);
  g_assert_cmpint (unusable->status, ==, 2);
  assert_contains (unusable->err, "empty.xml");

  /* Validation never opens a database. */
  g_assert_false (g_file_test (f->empty, G_FILE_TEST_EXISTS));
}

static void
test_validate_fhir (CliFixture   *f,
                    gconstpointer data)
{
  const char *schema = g_getenv ("KEDJA_FHIR_SCHEMA");
  g_autoptr(KedjaPlan) plan = full_plan ();
  g_autofree char *file = path_in (f, "bundle.xml");
  g_autofree char *expected = NULL;
  g_autoptr(Run) out = NULL;
  g_autoptr(Run) check = NULL;

  if (schema == NULL || !g_file_test (schema, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("the HL7 FHIR R4 schemas are not there (KEDJA_FHIR_SCHEMA)");
      return;
    }

  save_plan (f->db, plan);
  out = export_plan (f->db, TEST_PLAN_ID, "fhir", file, NULL);
  assert_success (out);
  check = run_cli ("validate", file, NULL);
  assert_success (check);
  expected = g_strdup_printf ("%s: valid (FHIR)\n", file);
  g_assert_cmpstr (check->out, ==, expected);
}

/* ----------------------------------------------------------------- main */

int
main (int    argc,
      char **argv)
{
  kedja_i18n_init ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_setenv ("SOURCE_DATE_EPOCH", EXPORT_EPOCH, TRUE);

#define ADD(path, func) \
  g_test_add (path, CliFixture, NULL, cli_fixture_set_up, func, cli_fixture_tear_down)

  g_test_add_func ("/cli/exchange/help", test_help);
  ADD ("/cli/exchange/bad-arguments", test_bad_arguments);
  ADD ("/cli/exchange/roundtrip", test_roundtrip);
  ADD ("/cli/exchange/roundtrip/rating-note", test_roundtrip_rating_note);
  ADD ("/cli/exchange/roundtrip/collection", test_roundtrip_collection);
  ADD ("/cli/exchange/import/refusals", test_refusals);
  ADD ("/cli/exchange/import/not-newer", test_not_newer);
  ADD ("/cli/exchange/import/several", test_import_several);
  ADD ("/cli/exchange/import/late-problem", test_import_late_problem);
  ADD ("/cli/exchange/consent/missing", test_consent_missing);
  ADD ("/cli/exchange/consent/withdrawn", test_consent_withdrawn);
  ADD ("/cli/exchange/consent/expired", test_consent_expired);
  ADD ("/cli/exchange/consent/collection", test_consent_collection);
  ADD ("/cli/exchange/consent/in-force", test_consent_in_force);
  ADD ("/cli/exchange/consent/exclusion", test_consent_exclusion);
  ADD ("/cli/exchange/consent/exclusion-unrecognised", test_consent_exclusion_unrecognised);
  ADD ("/cli/exchange/privacy/pseudonymise/sip", test_privacy_pseudonymise_sip);
  ADD ("/cli/exchange/privacy/protected", test_privacy_protected);
  ADD ("/cli/exchange/stdout", test_stdout);
  ADD ("/cli/exchange/validate", test_validate);
  ADD ("/cli/exchange/validate/fhir", test_validate_fhir);
  ADD ("/cli/exchange/privacy/pseudonymise/fhir", test_privacy_pseudonymise_fhir);

  return g_test_run ();
}
