/* test-sip-validate.c — files checked without importing them, and the private helpers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * kedja_exchange_validate_file() reports every problem it finds, SIP or
 * FHIR, without importing anything; the private helpers the writer uses
 * (schema validation of a SIP file, libxml2 errors made readable, the
 * file written in place) are tested here too.
 */
#define G_LOG_DOMAIN "kedja-test"

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libxml/parser.h>

#include "kedja-core.h"
#include "kedja-exchange-xml.h"
#include "kedja-sip.h"

#include "exchange-test-util.h"

/* Checking files without importing them ================================ */

static void
test_validate_several_problems (void)
{
  g_autofree char *path = fixture_path ("several-errors.xml");
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  KedjaDocumentKind kind = KEDJA_DOCUMENT_UNKNOWN;
  g_autofree char *shown = g_filename_display_name (path);
  const struct {
    int         line;
    const char *fragment;
  } expected[] = {
    { 6, "<title> may not have the attribute “colour”" },
    { 9, "<shoe-size> is not expected here" },
    { 14, "the date “2026-02-30” in the attribute “start” of <planned>" },
  };

  g_assert_false (kedja_exchange_validate_file (path, NULL, &kind, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kind, ==, KEDJA_DOCUMENT_SIP);
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const char *line = g_ptr_array_index (problems, i);
      g_autofree char *prefix = g_strdup_printf ("%s:%d: ", shown, expected[i].line);

      g_assert_true (g_str_has_prefix (line, prefix));
      assert_contains (line, expected[i].fragment);
    }
}

/* Past the schema, every plan's problems are reported too. */
static void
test_validate_rule_problems (void)
{
  g_autofree char *full = read_fixture ("plan-full.xml");
  g_autofree char *step_agency = replace_once (full, "agency=\"bo\"", "agency=\"nowhere\"");
  g_autofree char *xml = replace_once (step_agency, "<goal-ref goal=\"g2\"/>",
                                       "<goal-ref goal=\"g9\"/>");
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  int fd = g_file_open_tmp ("kedja-rules-XXXXXX.xml", &path, NULL);

  close (fd);
  g_assert_true (g_file_set_contents (path, xml, -1, NULL));
  g_assert_false (kedja_exchange_validate_file (path, NULL, NULL, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 2);
  assert_contains (g_ptr_array_index (problems, 0), "goal=\"g9\"");
  assert_contains (g_ptr_array_index (problems, 1), "agency=\"nowhere\"");
  g_unlink (path);
}

static void
test_validate_valid (void)
{
  g_autofree char *path = fixture_path ("collection.xml");
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  KedjaDocumentKind kind = KEDJA_DOCUMENT_UNKNOWN;

  g_assert_true (kedja_exchange_validate_file (path, NULL, &kind, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kind, ==, KEDJA_DOCUMENT_SIP);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_validate_unsafe (void)
{
  g_autofree char *path = fixture_path ("billion-laughs.xml");
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_assert_false (kedja_exchange_validate_file (path, NULL, NULL, problems, &error));
  g_assert_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_UNSAFE);
}

#define FHIR_PATIENT \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<Bundle xmlns=\"http://hl7.org/fhir\">\n" \
  "  <type value=\"collection\"/>\n" \
  "  <entry>\n" \
  "    <fullUrl value=\"urn:uuid:5e2a9c1d-7b3f-4a60-8d2e-1f4c6b8a9e22\"/>\n" \
  "    <resource>\n" \
  "      <Patient>\n" \
  "        <id value=\"p1\"/>\n" \
  "        <active value=\"true\"/>\n" \
  "        <name><text value=\"Åsa Öberg\"/></name>\n" \
  "      </Patient>\n" \
  "    </resource>\n" \
  "  </entry>\n" \
  "</Bundle>\n"

static void
test_validate_fhir_needs_schema (void)
{
  g_autofree char *path = write_temp (FHIR_PATIENT);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  KedjaDocumentKind kind = KEDJA_DOCUMENT_UNKNOWN;

  g_assert_false (kedja_exchange_validate_file (path, NULL, &kind, problems, &error));
  g_assert_cmpint (kind, ==, KEDJA_DOCUMENT_FHIR);
  g_assert_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_UNUSABLE);
  assert_contains (error->message, "FHIR R4 schema");
  g_unlink (path);
}

static void
test_validate_unknown_kind (void)
{
  g_autofree char *path = write_temp ("<?xml version=\"1.0\"?>\n"
                                      "<html xmlns=\"http://www.w3.org/1999/xhtml\"/>\n");
  g_autoptr(GError) error = NULL;
  KedjaDocumentKind kind = KEDJA_DOCUMENT_FHIR;

  g_assert_false (kedja_exchange_validate_file (path, NULL, &kind, NULL, &error));
  g_assert_cmpint (kind, ==, KEDJA_DOCUMENT_UNKNOWN);
  g_assert_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_UNUSABLE);
  assert_contains (error->message, ":2: the root element <html>");
  g_unlink (path);
}

static const char *
fhir_schema_or_skip (void)
{
  const char *schema = g_getenv ("KEDJA_FHIR_SCHEMA");

  if (schema == NULL || !g_file_test (schema, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("the HL7 FHIR R4 schema folder is not beside the project "
                   "(set KEDJA_FHIR_SCHEMA to its fhir-single.xsd)");
      return NULL;
    }
  return schema;
}

static void
test_validate_fhir (void)
{
  const char *schema = fhir_schema_or_skip ();
  g_autofree char *valid_path = NULL;
  g_autofree char *invalid_path = NULL;
  g_autofree char *invalid = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  KedjaDocumentKind kind = KEDJA_DOCUMENT_UNKNOWN;

  if (schema == NULL)
    return;

  valid_path = write_temp (FHIR_PATIENT);
  g_assert_true (kedja_exchange_validate_file (valid_path, schema, &kind, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kind, ==, KEDJA_DOCUMENT_FHIR);
  g_assert_cmpuint (problems->len, ==, 0);

  /* Two problems, both reported. */
  invalid = replace_once (FHIR_PATIENT, "<active value=\"true\"/>",
                          "<active value=\"maybe\"/>\n<colour/>");
  invalid_path = write_temp (invalid);
  g_ptr_array_set_size (problems, 0);
  g_assert_false (kedja_exchange_validate_file (invalid_path, schema, &kind, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, >=, 2);
  assert_contains (g_ptr_array_index (problems, 0), ":9: ");
  assert_contains (g_ptr_array_index (problems, problems->len - 1), "<colour>");

  g_unlink (valid_path);
  g_unlink (invalid_path);
}

/* The schema's folder is open to the entity loader only while the schema
 * compiles: afterwards a document still gets nothing from it. */
static void
test_schema_folder_closed_after (void)
{
  const char *schema = fhir_schema_or_skip ();
  g_autofree char *folder = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *valid_path = NULL;
  xmlDocPtr doc;

  if (schema == NULL)
    return;

  valid_path = write_temp (FHIR_PATIENT);
  g_assert_true (kedja_exchange_validate_file (valid_path, schema, NULL, NULL, NULL));

  folder = g_path_get_dirname (schema);
  xml = g_strdup_printf ("<!DOCTYPE a [<!ENTITY s SYSTEM \"%s/xml.xsd\">]><a>&s;</a>", folder);
  doc = xmlReadMemory (xml, (int) strlen (xml), "test.xml", NULL,
                       XML_PARSE_NOENT | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc != NULL)
    {
      xmlChar *text = xmlNodeGetContent (xmlDocGetRootElement (doc));

      g_assert_null (strstr ((const char *) text, "schema"));
      xmlFree (text);
      xmlFreeDoc (doc);
    }
  g_unlink (valid_path);
}

/* The private helpers the writer uses ================================== */

static void
test_validate_sip_file (void)
{
  g_autofree char *valid = fixture_path ("plan-full.xml");
  g_autofree char *invalid = fixture_path ("several-errors.xml");
  g_autoptr(GError) error = NULL;

  g_assert_true (_kedja_exchange_validate_sip_file (valid, &error));
  g_assert_no_error (error);

  g_assert_false (_kedja_exchange_validate_sip_file (invalid, &error));
  g_assert_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_INVALID);
  assert_contains (error->message, ":6: <title> may not have the attribute “colour”");
}

static void
test_describe_error (void)
{
  xmlError error = { 0 };
  g_autofree char *line = NULL;
  g_autofree char *no_line = NULL;

  error.domain = XML_FROM_PARSER;
  error.code = XML_ERR_TAG_NAME_MISMATCH;
  error.level = XML_ERR_FATAL;
  error.line = 12;
  error.message = (char *) "Opening and ending tag mismatch: step line 10 and steps\n";

  line = _kedja_exchange_describe_error ("plan.xml", &error);
  g_assert_cmpstr (line, ==, "plan.xml:12: the file is not well-formed XML: Opening and ending "
                             "tag mismatch: step line 10 and steps");

  error.line = 0;
  no_line = _kedja_exchange_describe_error ("plan.xml", &error);
  g_assert_true (g_str_has_prefix (no_line, "plan.xml: the file"));
}

static void
test_write_file (void)
{
  g_autofree char *folder = g_dir_make_tmp ("kedja-write-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "plan.xml", NULL);
  g_autoptr(GBytes) first = g_bytes_new_static ("first", 5);
  g_autoptr(GBytes) second = g_bytes_new_static ("second", 6);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GDir) dir = NULL;
  GStatBuf info;

  g_assert_true (kedja_exchange_write_file (path, first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_true (kedja_exchange_write_file (path, second, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "second");
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  /* Nothing else is left in the folder. */
  dir = g_dir_open (folder, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (dir), ==, "plan.xml");
  g_assert_null (g_dir_read_name (dir));

  g_unlink (path);
  g_rmdir (folder);
}

static void
test_write_file_fails (void)
{
  g_autoptr(GBytes) data = g_bytes_new_static ("x", 1);
  g_autoptr(GError) error = NULL;

  g_assert_false (kedja_exchange_write_file ("/nonexistent/kedja/plan.xml", data, &error));
  g_assert_error (error, KEDJA_EXCHANGE_ERROR, KEDJA_EXCHANGE_ERROR_IO);
  assert_contains (error->message, "“/nonexistent/kedja/plan.xml”");
}

int
main (int   argc,
      char *argv[])
{
  kedja_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exchange/validate/several-problems", test_validate_several_problems);
  g_test_add_func ("/exchange/validate/rule-problems", test_validate_rule_problems);
  g_test_add_func ("/exchange/validate/valid", test_validate_valid);
  g_test_add_func ("/exchange/validate/unsafe", test_validate_unsafe);
  g_test_add_func ("/exchange/validate/fhir-needs-schema", test_validate_fhir_needs_schema);
  g_test_add_func ("/exchange/validate/unknown-kind", test_validate_unknown_kind);
  g_test_add_func ("/exchange/validate/fhir", test_validate_fhir);
  g_test_add_func ("/exchange/validate/schema-folder-closed-after",
                   test_schema_folder_closed_after);

  g_test_add_func ("/exchange/private/validate-sip-file", test_validate_sip_file);
  g_test_add_func ("/exchange/private/describe-error", test_describe_error);
  g_test_add_func ("/exchange/write-file/replaces", test_write_file);
  g_test_add_func ("/exchange/write-file/fails", test_write_file_fails);

  return g_test_run ();
}
