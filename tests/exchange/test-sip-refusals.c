/* test-sip-refusals.c — SIP XML 1.0 in: the files refused, and why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Files from partner agencies are untrusted: each way a file can be
 * hostile or broken has a case here that checks it is refused, with the
 * words and the line a person needs to find the problem, and nothing
 * imported. Most cases take the valid plan of files/plan-full.xml and
 * break one thing in it.
 */
#define G_LOG_DOMAIN "kedja-test"

#include "config.h"

#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libxml/parser.h>

#include "kedja-core.h"
#include "kedja-exchange-xml.h"
#include "kedja-sip.h"

#include "exchange-test-util.h"

/* Helpers ============================================================== */

/* The line @needle is on in @text, counting from 1. */
static int
line_of (const char *text,
         const char *needle)
{
  const char *at = strstr (text, needle);
  int line = 1;

  g_assert_nonnull (at);
  for (const char *p = text; p < at; p++)
    line += *p == '\n';
  return line;
}

static void
assert_at_line (const GError *error,
                int           line)
{
  g_autofree char *prefix = g_strdup_printf (NAME ":%d: ", line);

  if (!g_str_has_prefix (error->message, prefix))
    g_error ("“%s” does not start with “%s”", error->message, prefix);
  g_assert_true (g_str_has_prefix (error->message, prefix));
}

/* Reads @xml; it must be refused with @code and a one-line message that
 * names the document and says @fragment. */
static GError *
refuse (const char *xml,
        int         code,
        const char *fragment)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
  g_autoptr(GPtrArray) plans = NULL;
  GError *error = NULL;

  plans = kedja_sip_read_bytes (bytes, NAME, &error);
  g_assert_null (plans);
  g_assert_error (error, KEDJA_EXCHANGE_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, NAME ":"));
  g_assert_null (strchr (error->message, '\n'));
  assert_contains (error->message, fragment);
  return error;
}

/* The full plan with @old made @new must be refused, on the line where
 * @at_text stands (0: no line asserted). */
static void
refuse_changed (const char *old,
                const char *new,
                const char *at_text,
                int         code,
                const char *fragment)
{
  g_autofree char *full = read_fixture ("plan-full.xml");
  g_autofree char *xml = replace_once (full, old, new);
  g_autoptr(GError) error = refuse (xml, code, fragment);

  if (at_text != NULL)
    assert_at_line (error, line_of (xml, at_text));
}

static long
peak_memory_kb (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return usage.ru_maxrss;
}

/* Unsafe files ========================================================= */

static void
test_doctype_external_entity (void)
{
  g_autofree char *path = fixture_path ("doctype-external-entity.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = kedja_sip_read_file (path, &error);
  g_autofree char *passwd = NULL;

  g_assert_null (plans);
  g_assert_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_UNSAFE);
  assert_contains (error->message, "DOCTYPE");
  /* Nothing of the file it names comes back, not even in the message. */
  g_assert_null (strstr (error->message, "root:"));
  if (g_file_get_contents ("/etc/passwd", &passwd, NULL, NULL))
    {
      g_auto(GStrv) lines = g_strsplit (passwd, "\n", 2);

      if (lines[0] != NULL && lines[0][0] != '\0')
        g_assert_null (strstr (error->message, lines[0]));
    }
}

/* A file of our own with a secret in it: the secret must not come back
 * through the title, the message, or anywhere else. */
static void
test_external_entity_secret (void)
{
  g_autofree char *secret_path = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *xml = NULL;
  g_autoptr(GError) error = NULL;
  int fd = g_file_open_tmp ("kedja-secret-XXXXXX", &secret_path, NULL);

  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_assert_true (g_file_set_contents (secret_path, "KEDJA-SECRET-4711", -1, NULL));
  uri = g_filename_to_uri (secret_path, NULL, NULL);
  xml = g_strdup_printf (
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE sip [<!ENTITY s SYSTEM \"%s\">]>\n"
    "<sip xmlns=\"urn:kedja:sip:1\" format-version=\"1.0\" revision=\"0\" status=\"draft\"\n"
    "     id=\"3b8f6f7e-2c4a-4d7e-9a51-6c0e2d9b1a11\" created=\"2026-01-12\">\n"
    "  <title>&s;</title>\n"
    "  <client id=\"5e2a9c1d-7b3f-4a60-8d2e-1f4c6b8a9e22\" protected-identity=\"true\"/>\n"
    "</sip>\n",
    uri);

  error = refuse (xml, KEDJA_EXCHANGE_ERROR_UNSAFE, "DOCTYPE");
  g_assert_null (strstr (error->message, "KEDJA-SECRET"));
  g_unlink (secret_path);
}

/* The entity loader refuses files even to a parser that asks for them
 * (libxml2 used elsewhere in the process, with entity substitution on). */
static void
test_entity_loader_refuses (void)
{
  g_autofree char *secret_path = NULL;
  g_autofree char *xml = NULL;
  xmlDocPtr doc;
  xmlChar *text;
  int fd = g_file_open_tmp ("kedja-secret-XXXXXX", &secret_path, NULL);

  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_assert_true (g_file_set_contents (secret_path, "KEDJA-SECRET-4712", -1, NULL));
  xml = g_strdup_printf ("<!DOCTYPE a [<!ENTITY s SYSTEM \"%s\">]><a>&s;</a>", secret_path);

  kedja_exchange_init ();
  doc = xmlReadMemory (xml, (int) strlen (xml), "test.xml", NULL,
                       XML_PARSE_NOENT | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc != NULL)
    {
      text = xmlNodeGetContent (xmlDocGetRootElement (doc));
      g_assert_null (strstr ((const char *) text, "KEDJA-SECRET"));
      xmlFree (text);
      xmlFreeDoc (doc);
    }
  g_unlink (secret_path);
}

static void
test_billion_laughs (void)
{
  g_autofree char *path = fixture_path ("billion-laughs.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  long before = peak_memory_kb ();

  plans = kedja_sip_read_file (path, &error);
  g_assert_null (plans);
  g_assert_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_UNSAFE);
  assert_contains (error->message, "DOCTYPE");
  /* Refused before any entity is expanded: the laughs would be 3 GB. */
  g_assert_cmpint (peak_memory_kb () - before, <, 64 * 1024);
}

/* One 100 kB entity used 10,000 times: linear to parse, a gigabyte once
 * its text is read. */
static void
test_quadratic_blowup (void)
{
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE sip [<!ENTITY a \"");
  g_autoptr(GError) error = NULL;
  long before = peak_memory_kb ();

  for (int i = 0; i < 100000; i++)
    g_string_append_c (xml, 'a');
  g_string_append (xml, "\">]>\n<sip xmlns=\"urn:kedja:sip:1\"><title>");
  for (int i = 0; i < 10000; i++)
    g_string_append (xml, "&a;");
  g_string_append (xml, "</title></sip>\n");

  error = refuse (xml->str, KEDJA_EXCHANGE_ERROR_UNSAFE, "DOCTYPE");
  g_assert_cmpint (peak_memory_kb () - before, <, 64 * 1024);
}

/* Files of another kind ================================================ */

static void
test_wrong_namespace (void)
{
  refuse_changed ("xmlns=\"urn:kedja:sip:1\"", "xmlns=\"urn:kedja:sip:2\"",
                  "created=\"2026-01-12\"", KEDJA_EXCHANGE_ERROR_UNUSABLE,
                  "not a SIP document: the root element is <sip> in urn:kedja:sip:2");
}

static void
test_no_namespace (void)
{
  refuse_changed ("xmlns=\"urn:kedja:sip:1\"", "", "created=\"2026-01-12\"",
                  KEDJA_EXCHANGE_ERROR_UNUSABLE, "<sip> has no namespace");
}

static void
test_wrong_root (void)
{
  g_autoptr(GError) error =
    refuse ("<?xml version=\"1.0\"?>\n<plan xmlns=\"urn:kedja:sip:1\"/>\n",
            KEDJA_EXCHANGE_ERROR_UNUSABLE, "the root element is <plan>");

  assert_at_line (error, 2);
}

/* Against the schema =================================================== */

static void
test_unknown_element (void)
{
  refuse_changed ("<district>Angered</district>",
                  "<district>Angered</district>\n    <shoe-size>41</shoe-size>", "<shoe-size>",
                  KEDJA_EXCHANGE_ERROR_INVALID,
                  "<shoe-size> is not expected here (expected: children-under-18");
}

static void
test_unknown_attribute (void)
{
  refuse_changed ("<rating date=\"2026-01-12\"", "<rating colour=\"red\" date=\"2026-01-12\"",
                  "colour=", KEDJA_EXCHANGE_ERROR_INVALID,
                  "<rating> may not have the attribute “colour”");
}

static void
test_missing_element (void)
{
  refuse_changed ("      <title>Lägenhet</title>\n", "", "<planned start=\"2026-03-01\"/>",
                  KEDJA_EXCHANGE_ERROR_INVALID,
                  "<planned> is not expected here (expected: title)");
}

static void
test_missing_last_element (void)
{
  /* Found where the step ends. */
  refuse_changed ("      <planned start=\"2026-03-01\"/>\n", "", "</step>\n  </steps>",
                  KEDJA_EXCHANGE_ERROR_INVALID,
                  "<step> is missing an element (expected: planned)");
}

static void
test_missing_attribute (void)
{
  refuse_changed ("<step id=\"s3\" phase=\"housing\" status=\"planned\"",
                  "<step id=\"s3\" phase=\"housing\"", "<step id=\"s3\"",
                  KEDJA_EXCHANGE_ERROR_INVALID,
                  "<step> lacks the attribute “status”, which is required");
}

static void
test_impossible_date (void)
{
  refuse_changed ("<planned start=\"2026-03-01\"/>", "<planned start=\"2026-02-30\"/>",
                  "2026-02-30", KEDJA_EXCHANGE_ERROR_INVALID,
                  "the date “2026-02-30” in the attribute “start” of <planned> is not a day "
                  "in the calendar");
}

static void
test_impossible_date_in_text (void)
{
  refuse_changed ("<need-recorded>2026-01-05<", "<need-recorded>2025-02-29<", "2025-02-29",
                  KEDJA_EXCHANGE_ERROR_INVALID,
                  "the date “2025-02-29” in <need-recorded> is not a day in the calendar");
}

static void
test_bad_value (void)
{
  refuse_changed ("phase=\"housing\"", "phase=\"holiday\"", "holiday",
                  KEDJA_EXCHANGE_ERROR_INVALID,
                  "the attribute “phase” of <step> has a value that is not allowed");
}

/* What the schema cannot say =========================================== */

static void
test_dangling_step_agency (void)
{
  refuse_changed ("agency=\"bo\"", "agency=\"nowhere\"", "agency=\"nowhere\"",
                  KEDJA_EXCHANGE_ERROR_INVALID,
                  "<step agency=\"nowhere\"> names an agency that is not among the plan’s "
                  "agencies");
}

static void
test_dangling_coordination (void)
{
  refuse_changed ("<coordination agency=\"soc\"", "<coordination agency=\"kommunen\"",
                  "<coordination", KEDJA_EXCHANGE_ERROR_INVALID,
                  "<coordination agency=\"kommunen\"> names an agency");
}

static void
test_dangling_goal_ref (void)
{
  refuse_changed ("<goal-ref goal=\"g2\"/>", "<goal-ref goal=\"g9\"/>", "<goal-ref goal=\"g9\"",
                  KEDJA_EXCHANGE_ERROR_INVALID,
                  "<goal-ref goal=\"g9\"> names a goal that is not among the plan’s goals");
}

static void
test_dangling_handover (void)
{
  refuse_changed ("<handover from=\"s2\" to=\"s3\"", "<handover from=\"s2\" to=\"s4\"",
                  "to=\"s4\"", KEDJA_EXCHANGE_ERROR_INVALID,
                  "<handover to=\"s4\"> names a step that is not among the plan’s steps");
}

static void
test_duplicate_step_id (void)
{
  g_autofree char *full = read_fixture ("plan-full.xml");
  g_autofree char *xml = replace_once (full, "<step id=\"s3\"", "<step id=\"s1\"");
  g_autoptr(GError) error = refuse (xml, KEDJA_EXCHANGE_ERROR_INVALID,
                                    "the step id “s1” is used twice in the plan");
  /* Lines are where a start tag ends, as libxml2 counts them. */
  g_autofree char *first = g_strdup_printf ("(first on line %d)",
                                            line_of (xml, "code=\"DU011\">"));

  assert_at_line (error, line_of (xml, "<step id=\"s1\" phase=\"housing\""));
  assert_contains (error->message, first);
}

static void
test_duplicate_agency_id (void)
{
  refuse_changed ("<agency id=\"rf\"", "<agency id=\"bo\"", "kind=\"civil-society\"",
                  KEDJA_EXCHANGE_ERROR_INVALID, "the agency id “bo” is used twice in the plan");
}

static void
test_duplicate_plan_id (void)
{
  g_autofree char *collection = read_fixture ("collection.xml");
  g_autofree char *xml = replace_once (collection, "id=\"33333333-3333-4333-8333-333333333333\"",
                                       "id=\"11111111-1111-4111-8111-111111111111\"");
  g_autoptr(GError) error =
    refuse (xml, KEDJA_EXCHANGE_ERROR_INVALID,
            "the plan 11111111-1111-4111-8111-111111111111 appears twice in the document");

  assert_at_line (error, line_of (xml, "status=\"closed\""));
}

static void
test_end_before_start (void)
{
  refuse_changed ("<planned start=\"2026-01-15\" end=\"2026-01-25\"/>",
                  "<planned start=\"2026-01-15\" end=\"2026-01-14\"/>", "end=\"2026-01-14\"",
                  KEDJA_EXCHANGE_ERROR_INVALID,
                  "<planned> ends on 2026-01-14, before it starts on 2026-01-15");
}

static void
test_actual_end_before_start (void)
{
  refuse_changed ("<actual start=\"2026-01-16\" end=\"2026-01-24\"/>",
                  "<actual start=\"2026-01-16\" end=\"2026-01-10\"/>", "end=\"2026-01-10\"",
                  KEDJA_EXCHANGE_ERROR_INVALID,
                  "<actual> ends on 2026-01-10, before it starts on 2026-01-16");
}

static void
test_consent_withdrawn_before_given (void)
{
  refuse_changed ("withdrawn=\"2026-02-01\"", "withdrawn=\"2025-12-24\"", "withdrawn=",
                  KEDJA_EXCHANGE_ERROR_INVALID,
                  "<consent> was withdrawn on 2025-12-24, before it was given on 2026-01-12");
}

static void
test_consent_expires_before_given (void)
{
  refuse_changed ("expires=\"2027-01-12\"", "expires=\"2026-01-11\"", "expires=",
                  KEDJA_EXCHANGE_ERROR_INVALID,
                  "<consent> expires on 2026-01-11, before it was given on 2026-01-12");
}

static void
test_bad_check_digit (void)
{
  refuse_changed ("19811218-9876", "19811218-9875", "19811218-9875",
                  KEDJA_EXCHANGE_ERROR_INVALID, "wrong check digit");
}

static void
test_impossible_birth_date (void)
{
  refuse_changed ("19811218-9876", "19811318-9876", "19811318-9876",
                  KEDJA_EXCHANGE_ERROR_INVALID, "has no valid date of birth");
}

/* kedja_plan_validate() is the last net: a setting on a housing step is
 * allowed by the schema but not by the model. */
static void
test_model_rules (void)
{
  g_autofree char *full = read_fixture ("plan-full.xml");
  g_autofree char *setting = replace_once (full, "status=\"planned\" agency=\"bo\"",
                                           "status=\"planned\" agency=\"bo\" "
                                           "setting=\"inpatient\"");
  /* The model quotes the title, line break and all; the message stays
   * one line. */
  g_autofree char *xml = replace_once (setting, "<title>Lägenhet</title>",
                                       "<title>Läg&#10;enhet</title>");
  g_autoptr(GError) error =
    refuse (xml, KEDJA_EXCHANGE_ERROR_INVALID,
            "Step “Läg enhet” is not detox or treatment, so it cannot be inpatient or outpatient");

  assert_at_line (error, line_of (xml, "created=\"2026-01-12\""));
}

static void
test_handover_to_itself (void)
{
  refuse_changed ("<handover from=\"s2\" to=\"s3\"", "<handover from=\"s3\" to=\"s3\"", NULL,
                  KEDJA_EXCHANGE_ERROR_INVALID, "hands a step over to itself");
}

/* Broken files ========================================================= */

static void
test_truncated (void)
{
  g_autofree char *full = read_fixture ("plan-full.xml");
  g_autofree char *cut = g_strndup (full, (gsize) (strstr (full, "<handovers>") - full));
  g_autoptr(GError) error = refuse (cut, KEDJA_EXCHANGE_ERROR_UNUSABLE, "cut off");

  assert_at_line (error, line_of (full, "<handovers>"));
}

static void
test_truncated_in_tag (void)
{
  g_autofree char *full = read_fixture ("plan-full.xml");
  const char *tag = strstr (full, "<goal-ref goal=\"g2\"/>");
  g_autofree char *cut = g_strndup (full, (gsize) (tag - full) + 12);
  g_autoptr(GError) error = refuse (cut, KEDJA_EXCHANGE_ERROR_UNUSABLE, "cut off");

  assert_at_line (error, line_of (full, "<goal-ref goal=\"g2\"/>"));
}

static void
test_not_well_formed (void)
{
  refuse_changed ("<follow-up date=\"2026-04-01\"/>", "<follow-up date=2026-04-01/>",
                  "<follow-up", KEDJA_EXCHANGE_ERROR_UNUSABLE,
                  "the file is not well-formed XML: AttValue: \" or ' expected");
}

static void
test_invalid_utf8 (void)
{
  refuse_changed ("<name>Beroendekliniken</name>", "<name>Beroendekl\xc3\x28niken</name>",
                  "Beroendekl", KEDJA_EXCHANGE_ERROR_UNUSABLE, "not valid UTF-8 text");
}

/* A file in Latin-1 that says so is still refused: the format is UTF-8. */
static void
test_latin1 (void)
{
  g_autofree char *full = read_fixture ("plan-full.xml");
  g_autofree char *declared = replace_once (full, "encoding=\"UTF-8\"",
                                            "encoding=\"ISO-8859-1\"");
  g_autofree char *xml = replace_once (declared, "<district>Angered",
                                       "<district>\xc5rsta");
  g_autoptr(GError) error = refuse (xml, KEDJA_EXCHANGE_ERROR_UNUSABLE, "not valid UTF-8");

  assert_at_line (error, line_of (xml, "<district>"));
}

static void
test_empty (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("", 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = kedja_sip_read_bytes (bytes, NAME, &error);
  g_autofree char *path = NULL;
  g_autoptr(GError) file_error = NULL;
  g_autoptr(GPtrArray) file_plans = NULL;
  int fd = g_file_open_tmp ("kedja-empty-XXXXXX.xml", &path, NULL);

  g_assert_null (plans);
  g_assert_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_UNUSABLE);
  g_assert_cmpstr (error->message, ==, NAME ": the file is empty");

  close (fd);
  file_plans = kedja_sip_read_file (path, &file_error);
  g_assert_null (file_plans);
  g_assert_error (file_error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_UNUSABLE);
  assert_contains (file_error->message, "the file is empty");
  g_unlink (path);
}

static void
test_only_blanks (void)
{
  g_autoptr(GError) error = refuse ("  \n\n ", KEDJA_EXCHANGE_ERROR_UNUSABLE,
                                    "the file holds no XML document");

  assert_at_line (error, 3);
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = kedja_sip_read_file ("/nonexistent/kedja/plan.xml", &error);

  g_assert_null (plans);
  g_assert_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_UNUSABLE);
  assert_contains (error->message, "/nonexistent/kedja/plan.xml");
}

static void
test_not_a_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = kedja_sip_read_file (g_get_tmp_dir (), &error);

  g_assert_null (plans);
  g_assert_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_UNUSABLE);
  assert_contains (error->message, "not a regular file");
}

/* The limit on size, tested with a small limit: the logic is the same at
 * 512 MB. Both a file (its size, before parsing) and bytes. */
static void
test_too_large (void)
{
  g_autofree char *path = fixture_path ("plan-full.xml");
  g_autofree char *xml = read_fixture ("plan-full.xml");
  gsize size = strlen (xml);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = NULL;

  _kedja_exchange_set_limits (size, 0);
  plans = kedja_sip_read_file (path, &error);
  g_assert_no_error (error);
  g_clear_pointer (&plans, g_ptr_array_unref);

  _kedja_exchange_set_limits (size - 1, 0);
  plans = kedja_sip_read_file (path, &error);
  g_assert_null (plans);
  g_assert_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_UNUSABLE);
  assert_contains (error->message, "Kedja reads exchange files of at most");
  g_clear_error (&error);

  error = refuse (xml, KEDJA_EXCHANGE_ERROR_UNUSABLE, "Kedja reads exchange files of at most");
  _kedja_exchange_set_limits (0, 0);
}

/* The limit on depth, tested with a small limit on a valid plan: its
 * <agency><name> is the first element four levels down. */
static void
test_too_deep (void)
{
  g_autofree char *xml = read_fixture ("plan-full.xml");
  g_autoptr(GError) error = NULL;

  _kedja_exchange_set_limits (0, 3);
  error = refuse (xml, KEDJA_EXCHANGE_ERROR_UNUSABLE, "the elements nest deeper than 3 levels");
  assert_at_line (error, line_of (xml, "<name>Socialtjänsten"));
  _kedja_exchange_set_limits (0, 0);
}

/* Nesting deeper than the limit, and than libxml2 itself allows. Reading
 * stops at the first problem, the schema's; checking every problem reads
 * on, to the limit. */
static void
test_very_deep (void)
{
  g_autoptr(GString) xml = g_string_new (
    "<sip xmlns=\"urn:kedja:sip:1\" format-version=\"1.0\" revision=\"0\" status=\"draft\"\n"
    "     id=\"3b8f6f7e-2c4a-4d7e-9a51-6c0e2d9b1a11\" created=\"2026-01-12\">\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) validate_error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = NULL;

  for (int i = 0; i < 5000; i++)
    g_string_append (xml, "<title>");
  error = refuse (xml->str, KEDJA_EXCHANGE_ERROR_INVALID, "<title> may not contain elements");
  assert_at_line (error, 3);

  path = write_temp (xml->str);
  g_assert_false (kedja_exchange_validate_file (path, NULL, NULL, problems, &validate_error));
  g_assert_error (validate_error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_UNUSABLE);
  assert_contains (validate_error->message, "the elements nest deeper than 32 levels");
  g_assert_cmpuint (problems->len, >=, 1);
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  kedja_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exchange/sip-read/unsafe/doctype-external-entity",
                   test_doctype_external_entity);
  g_test_add_func ("/exchange/sip-read/unsafe/external-entity-secret",
                   test_external_entity_secret);
  g_test_add_func ("/exchange/sip-read/unsafe/entity-loader", test_entity_loader_refuses);
  g_test_add_func ("/exchange/sip-read/unsafe/billion-laughs", test_billion_laughs);
  g_test_add_func ("/exchange/sip-read/unsafe/quadratic-blowup", test_quadratic_blowup);

  g_test_add_func ("/exchange/sip-read/unusable/wrong-namespace", test_wrong_namespace);
  g_test_add_func ("/exchange/sip-read/unusable/no-namespace", test_no_namespace);
  g_test_add_func ("/exchange/sip-read/unusable/wrong-root", test_wrong_root);

  g_test_add_func ("/exchange/sip-read/schema/unknown-element", test_unknown_element);
  g_test_add_func ("/exchange/sip-read/schema/unknown-attribute", test_unknown_attribute);
  g_test_add_func ("/exchange/sip-read/schema/missing-element", test_missing_element);
  g_test_add_func ("/exchange/sip-read/schema/missing-last-element", test_missing_last_element);
  g_test_add_func ("/exchange/sip-read/schema/missing-attribute", test_missing_attribute);
  g_test_add_func ("/exchange/sip-read/schema/impossible-date", test_impossible_date);
  g_test_add_func ("/exchange/sip-read/schema/impossible-date-in-text",
                   test_impossible_date_in_text);
  g_test_add_func ("/exchange/sip-read/schema/bad-value", test_bad_value);

  g_test_add_func ("/exchange/sip-read/rules/dangling-step-agency", test_dangling_step_agency);
  g_test_add_func ("/exchange/sip-read/rules/dangling-coordination", test_dangling_coordination);
  g_test_add_func ("/exchange/sip-read/rules/dangling-goal-ref", test_dangling_goal_ref);
  g_test_add_func ("/exchange/sip-read/rules/dangling-handover", test_dangling_handover);
  g_test_add_func ("/exchange/sip-read/rules/duplicate-step-id", test_duplicate_step_id);
  g_test_add_func ("/exchange/sip-read/rules/duplicate-agency-id", test_duplicate_agency_id);
  g_test_add_func ("/exchange/sip-read/rules/duplicate-plan-id", test_duplicate_plan_id);
  g_test_add_func ("/exchange/sip-read/rules/end-before-start", test_end_before_start);
  g_test_add_func ("/exchange/sip-read/rules/actual-end-before-start",
                   test_actual_end_before_start);
  g_test_add_func ("/exchange/sip-read/rules/consent-withdrawn-before-given",
                   test_consent_withdrawn_before_given);
  g_test_add_func ("/exchange/sip-read/rules/consent-expires-before-given",
                   test_consent_expires_before_given);
  g_test_add_func ("/exchange/sip-read/rules/bad-check-digit", test_bad_check_digit);
  g_test_add_func ("/exchange/sip-read/rules/impossible-birth-date", test_impossible_birth_date);
  g_test_add_func ("/exchange/sip-read/rules/model", test_model_rules);
  g_test_add_func ("/exchange/sip-read/rules/handover-to-itself", test_handover_to_itself);

  g_test_add_func ("/exchange/sip-read/broken/truncated", test_truncated);
  g_test_add_func ("/exchange/sip-read/broken/truncated-in-tag", test_truncated_in_tag);
  g_test_add_func ("/exchange/sip-read/broken/not-well-formed", test_not_well_formed);
  g_test_add_func ("/exchange/sip-read/broken/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/exchange/sip-read/broken/latin1", test_latin1);
  g_test_add_func ("/exchange/sip-read/broken/empty", test_empty);
  g_test_add_func ("/exchange/sip-read/broken/only-blanks", test_only_blanks);
  g_test_add_func ("/exchange/sip-read/broken/missing-file", test_missing_file);
  g_test_add_func ("/exchange/sip-read/broken/not-a-file", test_not_a_file);
  g_test_add_func ("/exchange/sip-read/limits/too-large", test_too_large);
  g_test_add_func ("/exchange/sip-read/limits/too-deep", test_too_deep);
  g_test_add_func ("/exchange/sip-read/limits/very-deep", test_very_deep);

  return g_test_run ();
}
