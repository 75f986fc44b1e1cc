/* test-exchange-refusals.c — import refuses bad, older and conflicting files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every test runs the real binary on databases and files of its own. A bad
 * file, one older than the database, or one that goes wrong half way must
 * change nothing and say why in one line, naming the file; `validate` must
 * not call a bad file valid.
 *
 * SOURCE_DATE_EPOCH is set for the whole program (EXPORT_EPOCH), so that
 * two exports with the same --today are byte for byte equal.
 */
#define G_LOG_DOMAIN "kedja-test"

#include "config.h"

#include <string.h>

#include "cli-test-util.h"
#include "kedja-core.h"
#include "kedja-store.h"
#include "store-test-util.h"

/* ------------------------------------------------------------- helpers */

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

/* ------------------------------------------------------------ refusals */

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

  ADD ("/cli/exchange/import/refusals", test_refusals);
  ADD ("/cli/exchange/import/not-newer", test_not_newer);
  ADD ("/cli/exchange/import/several", test_import_several);
  ADD ("/cli/exchange/import/late-problem", test_import_late_problem);

  return g_test_run ();
}
