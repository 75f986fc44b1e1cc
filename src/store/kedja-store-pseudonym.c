/* kedja-store-pseudonym.c — the key of this database's stable pseudonyms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A pseudonymised export replaces every id with a keyed hash of it, so that
 * statistics can follow one person across exports without learning who it
 * is. The key must therefore be the same for every export from one database
 * and must never leave it: whoever has the key can test a guessed id.
 *
 * It lives in the settings table as 64 hex digits under a key that is no
 * analysis setting. It is made on first use, inside a write transaction,
 * rather than by a migration: a file that never pseudonymises never has
 * one, and an older Kedja can still open the file (the schema version stays
 * the same). kedja_store_get_setting() and kedja_store_set_setting() treat
 * it as unknown, so that no command can print it and no change of it can
 * reach the audit log. Its creation is logged, without the value.
 */
#define G_LOG_DOMAIN "kedja-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>

#include "kedja-store-private.h"

#define PSEUDONYM_KEY_SETTING "pseudonym-key"
#define PSEUDONYM_KEY_BYTES   32

gboolean
_kedja_store_is_private_setting (const char *key)
{
  return key != NULL && g_str_equal (key, PSEUDONYM_KEY_SETTING);
}

/* Copies of the key are wiped before their memory goes back to the heap,
 * where a later bug could otherwise read them. */
static void
wipe_and_free (gpointer data)
{
  explicit_bzero (data, PSEUDONYM_KEY_BYTES);
  g_free (data);
}

static void
wipe_text (char *text)
{
  if (text != NULL)
    explicit_bzero (text, strlen (text));
  g_free (text);
}

/* The kernel's random source, not GLib's GRand: g_random_*() is a Mersenne
 * Twister, predictable from its output, and a key must not be guessable. */
static gboolean
read_random (guint8  *buf,
             gsize    len,
             GError **error)
{
  gsize n = 0;
  int fd = open ("/dev/urandom", O_RDONLY | O_CLOEXEC | O_NOCTTY);

  if (fd < 0)
    goto fail;
  while (n < len)
    {
      gssize r = read (fd, buf + n, len - n);

      if (r < 0 && errno == EINTR)
        continue;
      if (r <= 0)
        {
          int saved_errno = r < 0 ? errno : EIO;
          close (fd);
          errno = saved_errno;
          goto fail;
        }
      n += (gsize) r;
    }
  close (fd);
  return TRUE;

fail:
  g_set_error (error, KEDJA_STORE_ERROR, KEDJA_STORE_ERROR_IO,
               _("No key for pseudonyms can be made: the system’s random numbers cannot be "
                 "read (%s)."), g_strerror (errno));
  return FALSE;
}

static GBytes *
key_from_hex (const char *hex)
{
  guint8 *key;

  if (hex == NULL || strlen (hex) != 2 * PSEUDONYM_KEY_BYTES)
    return NULL;
  key = g_malloc (PSEUDONYM_KEY_BYTES);
  for (guint i = 0; i < PSEUDONYM_KEY_BYTES; i++)
    {
      int high = g_ascii_xdigit_value (hex[2 * i]);
      int low = g_ascii_xdigit_value (hex[2 * i + 1]);

      if (high < 0 || low < 0)
        {
          wipe_and_free (key);
          return NULL;
        }
      key[i] = (guint8) (high << 4 | low);
    }
  return g_bytes_new_with_free_func (key, PSEUDONYM_KEY_BYTES, wipe_and_free, key);
}

/* *@out_hex is %NULL when the database has no key yet. */
static gboolean
lookup_key (KedjaStore *self,
            char      **out_hex,
            GError    **error)
{
  g_autoptr(KedjaStoreStmt) stmt = NULL;
  gboolean has_row;

  *out_hex = NULL;
  stmt = _kedja_store_prepare (self, "SELECT value FROM settings WHERE key = ?1", error);
  if (stmt == NULL)
    return FALSE;
  _kedja_store_bind_text (stmt, 1, PSEUDONYM_KEY_SETTING);
  if (!_kedja_store_step_row (self, stmt, &has_row, error))
    return FALSE;
  if (has_row)
    *out_hex = _kedja_store_column_text (stmt, 0);
  return TRUE;
}

static GBytes *
parse_key (KedjaStore *self,
           const char *hex,
           GError    **error)
{
  GBytes *key = key_from_hex (hex);

  /* Never replaced silently: a new key would give everyone new pseudonyms
   * and break every statistic built on the old ones. */
  if (key == NULL)
    _kedja_store_fail_corrupt (self, _("the key for pseudonyms is damaged"), error);
  return key;
}

/* Makes the key and returns it as hex (to be wiped by the caller). */
static char *
create_key_locked (KedjaStore *self,
                   GError    **error)
{
  guint8 key[PSEUDONYM_KEY_BYTES];
  char *hex = g_malloc (2 * PSEUDONYM_KEY_BYTES + 1);
  g_autoptr(KedjaStoreStmt) stmt = NULL;
  gboolean ok;

  if (!read_random (key, sizeof key, error))
    {
      g_free (hex);
      return NULL;
    }
  for (guint i = 0; i < PSEUDONYM_KEY_BYTES; i++)
    g_snprintf (hex + 2 * i, 3, "%02x", key[i]);
  explicit_bzero (key, sizeof key);

  stmt = _kedja_store_prepare (self, "INSERT INTO settings (key, value) VALUES (?1, ?2)", error);
  ok = stmt != NULL;
  if (ok)
    {
      _kedja_store_bind_text (stmt, 1, PSEUDONYM_KEY_SETTING);
      _kedja_store_bind_text (stmt, 2, hex);
      ok = _kedja_store_step_done (self, stmt, error)
           && _kedja_store_audit (self, "create", "settings", PSEUDONYM_KEY_SETTING,
                                  _("A key for stable pseudonyms was made; it never leaves "
                                    "this database"), error);
    }
  if (!ok)
    {
      wipe_text (hex);
      return NULL;
    }
  return hex;
}

/**
 * kedja_store_get_pseudonym_key:
 *
 * Returns: (transfer full): the 32 bytes of this database's pseudonym key,
 * made (and the making logged) the first time it is asked for.
 */
GBytes *
kedja_store_get_pseudonym_key (KedjaStore *self,
                               GError    **error)
{
  char *hex = NULL;
  GBytes *key;

  g_return_val_if_fail (KEDJA_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Most calls find it; they need no write lock for that. */
  if (!lookup_key (self, &hex, error))
    return NULL;
  if (hex == NULL)
    {
      if (!_kedja_store_begin_write (self, error))
        return NULL;
      /* Again under the lock: another process may have made it meanwhile,
       * and two keys must never exist. */
      if (!lookup_key (self, &hex, error)
          || (hex == NULL && (hex = create_key_locked (self, error)) == NULL))
        {
          _kedja_store_rollback (self);
          return NULL;
        }
      if (!_kedja_store_commit (self, error))
        {
          wipe_text (hex);
          return NULL;
        }
    }

  key = parse_key (self, hex, error);
  wipe_text (hex);
  return key;
}
