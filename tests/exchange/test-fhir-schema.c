/* test-fhir-schema.c — FHIR R4 Bundles checked against HL7's own schema
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * /exchange/fhir/schema/… check Bundles against HL7's own R4 schema, named
 * by $KEDJA_FHIR_SCHEMA (tests/meson.build points it at
 * ../shared/fhir-r4/fhir-single.xsd), and are skipped when it is not
 * there. What a partner's system reads in a Bundle is test-fhir-content.c's.
 */
#define G_LOG_DOMAIN "kedja-test"

#include "config.h"

#include <string.h>

#include <libxml/tree.h>

#include "fhir-test-util.h"
#include "kedja-core.h"
#include "kedja-demo.h"
#include "kedja-fhir.h"

/* Schema cases */

static void
test_schema_full (void)
{
  g_autoptr(KedjaPlan) plan = make_full_plan ();
  g_autoptr(GBytes) bytes = NULL;

  if (!have_schema ())
    return;
  bytes = write_plan (plan);
  assert_schema_valid (bytes);

  /* A draft and a closed plan map their statuses differently. */
  for (KedjaPlanStatus status = KEDJA_PLAN_STATUS_DRAFT;
       status <= KEDJA_PLAN_STATUS_CLOSED; status++)
    {
      g_autoptr(GBytes) other = NULL;

      plan->status = status;
      other = write_plan (plan);
      assert_schema_valid (other);
    }
}

static void
test_schema_protected (void)
{
  g_autoptr(KedjaPlan) plan = make_protected_plan ();
  g_autoptr(GBytes) bytes = NULL;

  if (!have_schema ())
    return;
  bytes = write_plan (plan);
  assert_schema_valid (bytes);
}

static void
test_schema_no_coordinator (void)
{
  g_autoptr(KedjaPlan) plan = make_plan_without_coordinator ();
  g_autoptr(GBytes) bytes = NULL;

  if (!have_schema ())
    return;
  bytes = write_plan (plan);
  assert_schema_valid (bytes);
}

static void
test_schema_local_ids (void)
{
  g_autoptr(KedjaPlan) plan = make_plan_with_local_ids ();
  g_autoptr(GBytes) bytes = NULL;

  if (!have_schema ())
    return;
  bytes = write_plan (plan);
  assert_schema_valid (bytes);
}

/* The smallest plan the model allows: no agencies, steps or goals, and no
 * timestamp. */
static void
test_schema_minimal (void)
{
  g_autoptr(KedjaPlan) plan = kedja_plan_new (PLAN_ID, kedja_client_new (CLIENT_ID, "Åsa"), "SIP");
  KedjaFhirWriteOptions options = { .exported = -1, .today = TODAY };
  g_autoptr(GBytes) bytes = NULL;

  if (!have_schema ())
    return;
  plan->created = D (2026, 8, 20);
  bytes = kedja_fhir_write_plan (plan, &options, NULL);
  g_assert_nonnull (bytes);
  assert_schema_valid (bytes);
}

static void
test_schema_demo (void)
{
  g_autoptr(KedjaDemoData) data = kedja_demo_generate (20, 1, TODAY);

  if (!have_schema ())
    return;
  g_assert_cmpuint (data->plans->len, ==, 20);
  for (guint i = 0; i < data->plans->len; i++)
    {
      g_autoptr(GBytes) bytes = write_plan (g_ptr_array_index (data->plans, i));
      assert_schema_valid (bytes);
    }
}

/* The check above can fail: a Bundle with its elements out of order, or a
 * code outside its value set, is refused. */
static void
test_schema_catches_invalid (void)
{
  g_autoptr(KedjaPlan) plan = make_full_plan ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(Bundle) b = NULL;
  xmlNodePtr root, type;
  xmlChar *text = NULL;
  int size = 0;
  g_autoptr(GBytes) reordered = NULL;
  g_autofree char *bad_code = NULL;
  g_autoptr(GBytes) miscoded = NULL;

  if (!have_schema ())
    return;
  bytes = write_plan (plan);
  g_assert_true (schema_accepts (bytes, problems));

  /* Bundle.type moved before Bundle.identifier. */
  b = bundle_read (bytes);
  root = xmlDocGetRootElement (b->doc);
  for (type = root->children; type != NULL; type = type->next)
    if (type->type == XML_ELEMENT_NODE && xmlStrEqual (type->name, BAD_CAST "type"))
      break;
  g_assert_nonnull (type);
  xmlUnlinkNode (type);
  xmlAddPrevSibling (xmlFirstElementChild (root), type);
  xmlDocDumpMemoryEnc (b->doc, &text, &size, "UTF-8");
  reordered = g_bytes_new (text, size);
  xmlFree (text);
  g_assert_false (schema_accepts (reordered, problems));

  /* A CarePlan intent that R4 does not have. */
  bad_code = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_nonnull (strstr (bad_code, "<intent value=\"plan\"/>"));
  memcpy (strstr (bad_code, "<intent value=\"plan\"/>"), "<intent value=\"plot\"/>",
          strlen ("<intent value=\"plot\"/>"));
  miscoded = g_bytes_new (bad_code, strlen (bad_code));
  g_string_truncate (problems, 0);
  g_assert_false (schema_accepts (miscoded, problems));
  g_assert_nonnull (strstr (problems->str, "plot"));
}

int
main (int   argc,
      char *argv[])
{
  kedja_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  /* Before anything is written: once the exchange library is in use it
   * refuses every external load, this schema's own imports included. */
  if (schema_path () != NULL)
    fhir_schema ();

  g_test_add_func ("/exchange/fhir/schema/full-plan", test_schema_full);
  g_test_add_func ("/exchange/fhir/schema/protected-identity", test_schema_protected);
  g_test_add_func ("/exchange/fhir/schema/no-coordinator", test_schema_no_coordinator);
  g_test_add_func ("/exchange/fhir/schema/local-ids", test_schema_local_ids);
  g_test_add_func ("/exchange/fhir/schema/minimal", test_schema_minimal);
  g_test_add_func ("/exchange/fhir/schema/demo", test_schema_demo);
  g_test_add_func ("/exchange/fhir/schema/catches-invalid", test_schema_catches_invalid);

  return g_test_run ();
}
