/* fuzz-sip-import.c — libFuzzer harness for the SIP reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes at all, read as a SIP document from a partner, twice: as an
 * import (kedja_sip_read_bytes(), stopping at the first problem) and as a
 * check that collects every problem (what kedja_exchange_validate_file()
 * does). Besides what the sanitizers catch, it aborts when the two
 * disagree, when a refusal is not one line naming the document, or when
 * a plan it returns would not pass the model's own validation.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kedja-core.h"
#include "kedja-sip.h"
#include "kedja-sip-reader-private.h"

#define NAME "fuzz.xml"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
check_line (const char *message)
{
  if (!g_str_has_prefix (message, NAME) || strchr (message, '\n') != NULL)
    {
      g_printerr ("not one line naming the document: %s\n", message);
      abort ();
    }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  kedja_exchange_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = kedja_sip_read_bytes (bytes, NAME, &error);
  g_autoptr(KedjaXmlStream) stream = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) checked = NULL;
  g_autoptr(GError) check_error = NULL;

  if ((plans == NULL) == (error == NULL))
    abort ();
  if (error != NULL)
    check_line (error->message);
  for (guint i = 0; plans != NULL && i < plans->len; i++)
    if (!kedja_plan_validate (g_ptr_array_index (plans, i), NULL))
      abort ();

  stream = _kedja_xml_stream_new_for_bytes (bytes, NAME, &check_error);
  if (stream != NULL)
    checked = _kedja_sip_read_stream (stream, problems, &check_error);

  /* Collecting every problem finds one exactly when stopping at the first
   * does, and reads the same plans. */
  if ((checked != NULL) != (plans != NULL)
      || (checked != NULL && (problems->len > 0 || checked->len != plans->len)))
    abort ();
  if (check_error != NULL)
    check_line (check_error->message);
  for (guint i = 0; i < problems->len; i++)
    check_line (g_ptr_array_index (problems, i));
  for (guint i = 0; checked != NULL && i < checked->len; i++)
    if (!kedja_plan_equal (g_ptr_array_index (checked, i), g_ptr_array_index (plans, i)))
      abort ();
  return 0;
}
