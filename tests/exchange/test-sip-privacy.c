/* test-sip-privacy.c — SIP XML 1.0 out: a protected or pseudonymised client stays in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whatever the plan holds, the bytes written for a client with protected
 * identity, or a plan copied for export with pseudonyms, must not hold
 * the person's name, number, district or relatives; and what is written
 * must still be a valid document whose references meet.
 */
#define G_LOG_DOMAIN "kedja-test"

#include "config.h"

#include "kedja-core.h"
#include "kedja-export-policy.h"
#include "kedja-sip.h"

#include "exchange-test-util.h"

static void
assert_no_identity (GBytes *bytes)
{
  g_assert_false (bytes_contain (bytes, CLIENT_NAME));
  g_assert_false (bytes_contain (bytes, "Åsa"));
  g_assert_false (bytes_contain (bytes, CLIENT_NUMBER));
  g_assert_false (bytes_contain (bytes, "9876"));
  g_assert_false (bytes_contain (bytes, CLIENT_DISTRICT));
  g_assert_false (bytes_contain (bytes, RELATIVE_NAME));
}

/* The writer leaves the person out by itself, whatever the plan holds and
 * without any export policy. */
static void
test_protected_identity (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KedjaPlan) plan = make_full_plan ();
  KedjaSipWriteOptions options = options_at (D (2026, 11, 29));
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.xml", NULL);
  g_autoptr(GBytes) from_file = NULL;
  xmlDocPtr doc;

  plan->client->protected_identity = TRUE;
  bytes = kedja_sip_write_plan (plan, &options, &error);
  g_assert_no_error (error);
  assert_no_identity (bytes);

  doc = parse_valid_bytes (bytes);
  assert_xpath (doc, "string(/s:sip/s:client/@protected-identity)", "true");
  assert_xpath (doc, "count(/s:sip/s:client/*)", "2");
  /* The people from the agencies keep their names; the roles stay. */
  assert_xpath (doc, "string(/s:sip/s:participants/s:participant[1]/@name)", "Maria Lind");
  assert_xpath (doc, "string(/s:sip/s:participants/s:participant[4]/@role)", "relative");
  assert_xpath (doc, "count(/s:sip/s:participants/s:participant[4]/@name)", "0");
  xmlFreeDoc (doc);

  from_file = write_to_file (path, plan, D (2026, 11, 29));
  assert_no_identity (from_file);
  remove_tree (dir);
}

static void
test_pseudonymised (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KedjaPlan) plan = make_full_plan ();
  g_autoptr(KedjaPlan) copy = NULL;
  g_autofree char *plan_pseudonym = NULL;
  KedjaSipWriteOptions options = options_at (D (2026, 11, 29));
  KedjaExportPolicy policy;
  g_autoptr(GBytes) bytes = NULL;
  xmlDocPtr doc;

  kedja_export_policy_init (&policy);
  policy.pseudonymise = TRUE;
  policy.pseudonym_key = g_bytes_new_static ("a key of the database, 32 bytes", 32);
  copy = kedja_plan_copy_for_export (plan, &policy);
  plan_pseudonym = kedja_pseudonym_for_id (policy.pseudonym_key, PLAN_ID);

  bytes = kedja_sip_write_plan (copy, &options, &error);
  g_assert_no_error (error);
  assert_no_identity (bytes);
  g_assert_false (bytes_contain (bytes, PLAN_ID));
  g_assert_false (bytes_contain (bytes, DETOX_ID));
  g_assert_false (bytes_contain (bytes, GOAL_ID));

  doc = parse_valid_bytes (bytes);
  assert_xpath (doc, "string(/s:sip/@id)", plan_pseudonym);
  assert_xpath (doc, "count(/s:sip/s:client/s:name)", "0");
  /* References still meet: the handover gap names the pseudonymised steps. */
  assert_xpath (doc,
                "count(/s:sip/s:steps/s:step[@id = /s:sip/s:handovers/s:handover[1]/@from])", "1");
  assert_xpath (doc,
                "count(/s:sip/s:goals/s:goal[@id = /s:sip/s:steps/s:step[2]/s:goal-ref/@goal])",
                "1");
  xmlFreeDoc (doc);
  kedja_export_policy_clear (&policy);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* The documents are in English, the source language, whatever the
   * developer's own environment says (as in test-sip-write.c). */
  g_unsetenv ("LANGUAGE");
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  kedja_i18n_init ();

  g_test_add_func ("/exchange/sip-write/protected-identity", test_protected_identity);
  g_test_add_func ("/exchange/sip-write/pseudonymised", test_pseudonymised);

  return g_test_run ();
}
