/* cli-test-util-exchange.c — files, databases and exports for the exchange tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Declared in cli-test-util.h with the rest of the CLI tests' helpers; a
 * file of its own so that neither grows past a readable length.
 */
#define G_LOG_DOMAIN "kedja-test"

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "cli-test-util.h"
#include "kedja-store.h"

char *
path_in (CliFixture *f,
         const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

void
write_bytes (const char *path,
             const char *data,
             gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

/* memmem over the exported bytes, which need not be text. */
gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return memmem (data, size, needle, strlen (needle)) != NULL;
}

void
assert_absent (GBytes     *bytes,
               const char *what,
               const char *needle)
{
  if (bytes_contain (bytes, needle))
    g_error ("the export holds the %s: “%s”", what, needle);
}

void
assert_contains (const char *text,
                 const char *part)
{
  if (text == NULL || strstr (text, part) == NULL)
    g_error ("“%s” does not contain “%s”", text ? text : "(null)", part);
}

/* One line on stderr, "kedja-cli: …", nothing on stdout, status @status
 * (or any failure when @status is -1). */
void
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

void
save_plan (const char *db,
           KedjaPlan  *plan)
{
  g_autoptr(GPtrArray) plans = g_ptr_array_new ();

  g_ptr_array_add (plans, plan);
  save_plans (db, plans);
}

KedjaPlan *
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

GPtrArray *
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

Run *
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

/* A small plan whose file the refusal tests spoil one way each. */
KedjaPlan *
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

char *
replace_once (const char *text,
              const char *from,
              const char *to)
{
  const char *at = strstr (text, from);

  if (at == NULL)
    g_error ("the export has no “%s” to spoil", from);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, to, at + strlen (from));
}

char *
step_id (KedjaPlan *plan,
         guint      i)
{
  return ((KedjaStep *) g_ptr_array_index (plan->steps, i))->id;
}
