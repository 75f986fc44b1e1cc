/* test-sip-write.c — SIP XML 1.0 out: the document, its order and its values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The writer validates what it writes; these tests validate it again with
 * libxml2 and the schema file of the repository, in another way (a tree),
 * so that a mistake in the writer's own validation cannot hide one in its
 * output. What a protected or pseudonymised client's document leaves out
 * is in test-sip-privacy.c, how the file is put in place in
 * test-sip-write-files.c; the plans are in exchange-test-util.c.
 */
#define G_LOG_DOMAIN "kedja-test"

#include "config.h"

#include <string.h>

#include "kedja-core.h"
#include "kedja-sip.h"
#include "kedja-test-lang.h"

#include "exchange-test-util.h"

/* Helpers ============================================================== */

static guint
count_occurrences (GBytes     *bytes,
                   const char *needle)
{
  gsize len, needle_len = strlen (needle);
  const char *data = g_bytes_get_data (bytes, &len);
  const char *end = data + len;
  guint n = 0;

  for (const char *p = data; (p = memmem (p, end - p, needle, needle_len)) != NULL;
       p += needle_len)
    n++;
  return n;
}

/* Plans ================================================================ */

/* Written by hand from SIP-FORMAT.md, element by element: the order of
 * the format, two-space indents, empty lists left out, the optional client
 * facts written. The findings are the analysis's on 29 Nov 2026: the wait
 * from 25 Aug to the step on 1 Oct is 37 days (over 30), and the step has
 * no responsible agency; both are warnings, the wait's date comes first. */
static const char expected_small[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<sip xmlns=\"urn:kedja:sip:1\" format-version=\"1.0\" id=\"" PLAN_ID "\" revision=\"3\""
  " status=\"draft\" created=\"2026-09-01\" exported=\"2026-11-29T08:30:00Z\" language=\"en\">\n"
  "  <title>SIP 2026 – boende</title>\n"
  "  <client id=\"" CLIENT_ID "\" protected-identity=\"false\" has-own-housing=\"false\">\n"
  "    <name>Kim Berg</name>\n"
  "    <children-under-18>0</children-under-18>\n"
  "    <relatives-involved>false</relatives-involved>\n"
  "  </client>\n"
  "  <own-goal>Jag vill ha ett eget hem</own-goal>\n"
  "  <need-recorded>2026-08-25</need-recorded>\n"
  "  <agencies>\n"
  "    <agency id=\"" SOCIAL_ID "\" kind=\"social-services\">\n"
  "      <name>Socialtjänsten Centrum</name>\n"
  "    </agency>\n"
  "  </agencies>\n"
  "  <coordination agency=\"" SOCIAL_ID "\" coordinator=\"Maria Lind\"/>\n"
  "  <participants>\n"
  "    <participant role=\"coordinator\" agency=\"" SOCIAL_ID "\" name=\"Maria Lind\"/>\n"
  "    <participant role=\"client\"/>\n"
  "  </participants>\n"
  "  <goals>\n"
  "    <goal id=\"" GOAL_ID "\" domain=\"housing\" status=\"active\">Eget kontrakt</goal>\n"
  "  </goals>\n"
  "  <steps>\n"
  "    <step id=\"" FLAT_ID "\" phase=\"housing\" status=\"planned\">\n"
  "      <title>Träningslägenhet</title>\n"
  "      <planned start=\"2026-10-01\"/>\n"
  "      <goal-ref goal=\"" GOAL_ID "\"/>\n"
  "    </step>\n"
  "  </steps>\n"
  "  <follow-up date=\"2026-12-01\"/>\n"
  "  <ratings>\n"
  "    <rating date=\"2026-09-01\" domain=\"housing\" value=\"4\"/>\n"
  "  </ratings>\n"
  "  <findings>\n"
  "    <finding rule=\"long-wait\" severity=\"warning\" start=\"2026-08-25\" end=\"2026-09-30\""
  " steps=\"" FLAT_ID "\">37 days from the need being recorded to the first step"
  " (25 Aug – 30 Sep)</finding>\n"
  "    <finding rule=\"no-responsible\" severity=\"warning\" steps=\"" FLAT_ID "\">"
  "No agency is responsible for the step “Träningslägenhet”</finding>\n"
  "  </findings>\n"
  "</sip>\n";

/* Tests ================================================================ */

static void
test_full_plan (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KedjaPlan) plan = make_full_plan ();
  KedjaSipWriteOptions options = options_at (D (2026, 11, 29));
  g_autoptr(GBytes) bytes = NULL;
  xmlDocPtr doc;

  kedja_plan_validate (plan, &error);
  g_assert_no_error (error);

  bytes = kedja_sip_write_plan (plan, &options, &error);
  g_assert_no_error (error);
  doc = parse_valid_bytes (bytes);

  /* Every element and attribute of the format is there, with its value. */
  assert_xpath (doc, "string(/s:sip/@revision)", "7");
  assert_xpath (doc, "string(/s:sip/@status)", "active");
  assert_xpath (doc, "string(/s:sip/@created)", "2026-08-20");
  assert_xpath (doc, "string(/s:sip/@exported)", "2026-11-29T08:30:00Z");
  assert_xpath (doc, "string(/s:sip/s:client/@has-own-housing)", "true");
  assert_xpath (doc, "string(/s:sip/s:client/s:name)", CLIENT_NAME);
  assert_xpath (doc, "string(/s:sip/s:client/s:personal-number)", CLIENT_NUMBER);
  assert_xpath (doc, "string(/s:sip/s:client/s:district)", CLIENT_DISTRICT);
  assert_xpath (doc, "string(/s:sip/s:client/s:children-under-18)", "2");
  assert_xpath (doc, "string(/s:sip/s:client/s:relatives-involved)", "true");
  assert_xpath (doc, "string(/s:sip/s:need-recorded)", "2026-07-01");
  assert_xpath (doc, "string(/s:sip/s:agencies/s:agency[1]/@hsa-id)", "SE2321000131-E000000000001");
  assert_xpath (doc, "string(/s:sip/s:agencies/s:agency[2]/@org-number)", "212000-1355");
  assert_xpath (doc, "string(/s:sip/s:agencies/s:agency[2]/s:contact)", "031-365 00 00");
  assert_xpath (doc, "string(/s:sip/s:agencies/s:agency[3]/@kind)", "housing");
  assert_xpath (doc, "string(/s:sip/s:coordination/@coordinator)", "Maria Lind");
  assert_xpath (doc, "string(/s:sip/s:participants/s:participant[4]/@role)", "relative");
  assert_xpath (doc, "string(/s:sip/s:participants/s:participant[4]/@name)", RELATIVE_NAME);
  assert_xpath (doc, "string(/s:sip/s:consents/s:consent[1]/@expires)", "2027-08-20");
  assert_xpath (doc, "string(/s:sip/s:consents/s:consent[1]/s:exclusion)", "Inget om tidigare domar");
  assert_xpath (doc, "string(/s:sip/s:consents/s:consent[2]/@form)", "oral");
  assert_xpath (doc, "string(/s:sip/s:consents/s:consent[2]/@withdrawn)", "2026-10-01");
  assert_xpath (doc, "string(/s:sip/s:goals/s:goal/@target)", "2027-03-01");
  assert_xpath (doc, "string(/s:sip/s:steps/s:step[1]/@setting)", "inpatient");
  assert_xpath (doc, "string(/s:sip/s:steps/s:step[1]/@code)", "DU011");
  assert_xpath (doc, "string(/s:sip/s:steps/s:step[1]/@contact)", "Olle Ek");
  assert_xpath (doc, "string(/s:sip/s:steps/s:step[1]/s:actual/@end)", "2026-09-11");
  assert_xpath (doc, "string(/s:sip/s:steps/s:step[1]/s:note)", "Gick bra");
  assert_xpath (doc, "string(/s:sip/s:steps/s:step[2]/s:goal-ref/@goal)", GOAL_ID);
  assert_xpath (doc, "string(/s:sip/s:steps/s:step[3]/s:planned/@start)", "2026-12-05");
  assert_xpath (doc, "count(/s:sip/s:steps/s:step[3]/s:planned/@end)", "0");
  assert_xpath (doc, "count(/s:sip/s:steps/s:step[3]/s:actual)", "0");
  assert_xpath (doc, "string(/s:sip/s:handovers/s:handover[1]/@confirmed-by)", "Olle Ek");
  assert_xpath (doc, "string(/s:sip/s:handovers/s:handover[1]/@meeting)", "2026-09-08");
  assert_xpath (doc, "string(/s:sip/s:follow-up/@date)", "2026-12-10");
  assert_xpath (doc, "count(/s:sip/s:meetings/s:meeting/s:attendee)", "3");
  assert_xpath (doc, "count(/s:sip/s:ratings/s:rating)", "2");

  /* The findings: the handover gap between the detox and the treatment
   * (8 days after a residential step: critical) names both steps. */
  assert_xpath (doc, "string(/s:sip/s:findings/s:finding[@rule='handover-gap']/@severity)",
                "critical");
  assert_xpath (doc, "string(/s:sip/s:findings/s:finding[@rule='handover-gap']/@steps)",
                DETOX_ID " " TREAT_ID);
  assert_xpath (doc, "string(/s:sip/s:findings/s:finding[@rule='handover-gap']/@start)",
                "2026-09-12");
  assert_xpath (doc, "string(/s:sip/s:findings/s:finding[@rule='no-responsible']/@steps)",
                FLAT_ID);

  /* The rating's note has no place in SIP 1.0. */
  g_assert_false (bytes_contain (bytes, "Bor hos en kompis"));
  xmlFreeDoc (doc);
}

static void
test_full_plan_file (void)
{
  g_autoptr(KedjaPlan) plan = make_full_plan ();
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.xml", NULL);
  g_autoptr(GBytes) from_file = write_to_file (path, plan, D (2026, 11, 29));
  KedjaSipWriteOptions options = options_at (D (2026, 11, 29));
  g_autoptr(GBytes) from_memory = kedja_sip_write_plan (plan, &options, NULL);

  xmlFreeDoc (parse_valid_bytes (from_file));
  /* The file and the memory writer write the same document. */
  g_assert_true (g_bytes_equal (from_file, from_memory));
  g_assert_cmpuint (count_entries (dir), ==, 1);
  remove_tree (dir);
}

static void
test_expected_document (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KedjaPlan) plan = make_small_plan ();
  KedjaSipWriteOptions options = options_at (D (2026, 11, 29));
  g_autoptr(GBytes) bytes = kedja_sip_write_plan (plan, &options, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_cmpstr (text, ==, expected_small);
}

static void
test_deterministic (void)
{
  g_autoptr(KedjaPlan) plan = make_full_plan ();
  KedjaSipWriteOptions options = options_at (D (2026, 11, 29));
  g_autoptr(GBytes) first = kedja_sip_write_plan (plan, &options, NULL);
  g_autoptr(GBytes) second = kedja_sip_write_plan (plan, &options, NULL);
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.xml", NULL);
  g_autoptr(GBytes) file1 = write_to_file (path, plan, D (2026, 11, 29));
  g_autoptr(GBytes) file2 = write_to_file (path, plan, D (2026, 11, 29));

  g_assert_nonnull (first);
  g_assert_true (g_bytes_equal (first, second));
  g_assert_true (g_bytes_equal (file1, file2));

  /* With "exported" left out, the export time is no difference either. */
  options.exported = -1;
  g_autoptr(GBytes) third = kedja_sip_write_plan (plan, &options, NULL);
  g_assert_false (bytes_contain (third, "exported="));
  remove_tree (dir);
}

static void
test_collection (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "plans.xml", NULL);
  KedjaSipWriteOptions options = options_at (D (2026, 11, 29));
  g_autoptr(KedjaSipWriter) writer = kedja_sip_writer_new (path, TRUE, &options, &error);
  g_autoptr(GBytes) bytes = NULL;
  const char *ids[] = { "00000000-0000-4000-8000-000000000001",
                        "00000000-0000-4000-8000-000000000002",
                        "00000000-0000-4000-8000-000000000003" };
  xmlDocPtr doc;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(KedjaPlan) plan = i == 1 ? make_small_plan () : make_full_plan ();

      g_free (plan->id);
      plan->id = g_strdup (ids[i]);
      kedja_sip_writer_add (writer, plan, &error);
      g_assert_no_error (error);
    }
  /* Nothing is at the path until the document is complete and valid. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  kedja_sip_writer_finish (writer, &error);
  g_assert_no_error (error);

  bytes = read_file (path);
  doc = parse_valid_bytes (bytes);
  assert_xpath (doc, "local-name(/*)", "sip-collection");
  assert_xpath (doc, "string(/s:sip-collection/@format-version)", "1.0");
  assert_xpath (doc, "string(/s:sip-collection/@exported)", "2026-11-29T08:30:00Z");
  assert_xpath (doc, "count(/s:sip-collection/s:sip)", "3");
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *expression = g_strdup_printf ("string(/s:sip-collection/s:sip[%u]/@id)",
                                                     i + 1);
      assert_xpath (doc, expression, ids[i]);
    }
  /* The namespace is declared once, on the root. */
  g_assert_cmpuint (count_occurrences (bytes, "xmlns="), ==, 1);
  xmlFreeDoc (doc);
  g_assert_cmpuint (count_entries (dir), ==, 1);
  remove_tree (dir);
}

/* Markup characters and characters outside the BMP come back as they went
 * in, in text and in attributes. */
static void
test_escaping (void)
{
  static const char tricky[] = "Kim \"K\" O'Hara <&> 🙂";
  static const char lines[] = "Rad ett\nrad två\ttabb";
  g_autoptr(GError) error = NULL;
  g_autoptr(KedjaPlan) plan = make_full_plan ();
  KedjaSipWriteOptions options = options_at (D (2026, 11, 29));
  KedjaParticipant *coordinator = g_ptr_array_index (plan->participants, 0);
  KedjaStep *detox = g_ptr_array_index (plan->steps, 0);
  g_autoptr(GBytes) bytes = NULL;
  xmlDocPtr doc;

  g_free (plan->client->name);
  plan->client->name = g_strdup (tricky);
  g_free (plan->title);
  plan->title = g_strdup (tricky);
  g_free (coordinator->name);
  coordinator->name = g_strdup (tricky);
  g_free (detox->contact);
  detox->contact = g_strdup (lines);
  g_free (detox->note);
  detox->note = g_strdup (lines);

  bytes = kedja_sip_write_plan (plan, &options, &error);
  g_assert_no_error (error);
  doc = parse_valid_bytes (bytes);
  assert_xpath (doc, "string(/s:sip/s:title)", tricky);
  assert_xpath (doc, "string(/s:sip/s:client/s:name)", tricky);
  assert_xpath (doc, "string(/s:sip/s:participants/s:participant[1]/@name)", tricky);
  assert_xpath (doc, "string(/s:sip/s:steps/s:step[1]/@contact)", lines);
  assert_xpath (doc, "string(/s:sip/s:steps/s:step[1]/s:note)", lines);
  g_assert_false (bytes_contain (bytes, "<&>"));
  g_assert_true (bytes_contain (bytes, "🙂"));  /* as UTF-8, not as a character reference */
  xmlFreeDoc (doc);
}

/* The findings are Swedish for a Swedish user, and the document says so. */
static void
test_swedish (void)
{
  if (kedja_test_in_language ("sv"))
    {
      g_autoptr(KedjaPlan) plan = make_small_plan ();
      KedjaSipWriteOptions options = options_at (D (2026, 11, 29));
      g_autoptr(GBytes) first = kedja_sip_write_plan (plan, &options, NULL);
      g_autoptr(GBytes) second = kedja_sip_write_plan (plan, &options, NULL);

      g_assert_nonnull (first);
      g_assert_true (bytes_contain (first, " language=\"sv\">"));
      g_assert_true (bytes_contain (first, ">Ingen huvudman ansvarar för insatsen ”Träningslägenhet”<"));
      g_assert_true (bytes_contain (first, ">37 dagar från att behovet registrerades till första insatsen"));
      g_assert_true (g_bytes_equal (first, second));
      xmlFreeDoc (parse_valid_bytes (first));
    }
}

static void
test_documented_example (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "docs", "examples",
                                                 "sip-example.xml", NULL);
  g_autoptr(GBytes) bytes = read_file (path);
  xmlDocPtr doc = parse_valid_bytes (bytes);

  /* It shows every element of the format. */
  static const char *const elements[] = {
    "title", "client", "name", "personal-number", "district", "children-under-18",
    "relatives-involved", "own-goal", "need-recorded", "agencies", "agency", "contact",
    "coordination", "participants", "participant", "consents", "consent", "exclusion",
    "goals", "goal", "steps", "step", "planned", "actual", "goal-ref", "note", "handovers",
    "handover", "follow-up", "meetings", "meeting", "attendee", "ratings", "rating",
    "findings", "finding",
  };
  for (guint i = 0; i < G_N_ELEMENTS (elements); i++)
    {
      g_autofree char *expression = g_strdup_printf ("count(//s:%s) > 0", elements[i]);
      g_test_message ("element %s", elements[i]);
      assert_xpath (doc, expression, "true");
    }
  xmlFreeDoc (doc);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* The hand-written document is in English, the source language, whatever
   * the developer's own environment says; a child process for another
   * language keeps the LANGUAGE it was started with. */
  if (!g_test_subprocess ())
    g_unsetenv ("LANGUAGE");
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  kedja_i18n_init ();

  /* First: it sets LANGUAGE for its child process, which GLib dislikes
   * once other tests have started the validator's threads. */
  g_test_add_func ("/exchange/sip-write/swedish", test_swedish);
  g_test_add_func ("/exchange/sip-write/full-plan", test_full_plan);
  g_test_add_func ("/exchange/sip-write/full-plan-file", test_full_plan_file);
  g_test_add_func ("/exchange/sip-write/expected-document", test_expected_document);
  g_test_add_func ("/exchange/sip-write/deterministic", test_deterministic);
  g_test_add_func ("/exchange/sip-write/collection", test_collection);
  g_test_add_func ("/exchange/sip-write/escaping", test_escaping);
  g_test_add_func ("/exchange/sip-write/documented-example", test_documented_example);

  return g_test_run ();
}
