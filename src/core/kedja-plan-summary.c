/* kedja-plan-summary.c — one row of the plan list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kedja-core"

#include "kedja-enum-types.h"
#include "kedja-plan-summary.h"

struct _KedjaPlanSummary
{
  GObject         parent_instance;

  char           *id;
  char           *title;
  char           *client_name;
  char           *district;
  gboolean        protected_identity;
  KedjaPlanStatus status;
  gint64          revision;
  guint           n_steps;
  KedjaDate       follow_up;
};

G_DEFINE_FINAL_TYPE (KedjaPlanSummary, kedja_plan_summary, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_CLIENT_NAME,
  PROP_PROTECTED_IDENTITY,
  PROP_DISTRICT,
  PROP_STATUS,
  PROP_REVISION,
  PROP_N_STEPS,
  PROP_FOLLOW_UP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kedja_plan_summary_finalize (GObject *object)
{
  KedjaPlanSummary *self = KEDJA_PLAN_SUMMARY (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->client_name);
  g_free (self->district);

  G_OBJECT_CLASS (kedja_plan_summary_parent_class)->finalize (object);
}

static void
kedja_plan_summary_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KedjaPlanSummary *self = KEDJA_PLAN_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_CLIENT_NAME:
      g_value_set_string (value, self->client_name);
      break;
    case PROP_PROTECTED_IDENTITY:
      g_value_set_boolean (value, self->protected_identity);
      break;
    case PROP_DISTRICT:
      g_value_set_string (value, self->district);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_REVISION:
      g_value_set_int64 (value, self->revision);
      break;
    case PROP_N_STEPS:
      g_value_set_uint (value, self->n_steps);
      break;
    case PROP_FOLLOW_UP:
      g_value_set_int (value, self->follow_up);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kedja_plan_summary_class_init (KedjaPlanSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kedja_plan_summary_finalize;
  object_class->get_property = kedja_plan_summary_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_CLIENT_NAME] = g_param_spec_string ("client-name", NULL, NULL, NULL, flags);
  properties[PROP_PROTECTED_IDENTITY] =
    g_param_spec_boolean ("protected-identity", NULL, NULL, FALSE, flags);
  properties[PROP_DISTRICT] = g_param_spec_string ("district", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, KEDJA_TYPE_PLAN_STATUS,
                       KEDJA_PLAN_STATUS_DRAFT, flags);
  properties[PROP_REVISION] =
    g_param_spec_int64 ("revision", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_N_STEPS] = g_param_spec_uint ("n-steps", NULL, NULL, 0, G_MAXUINT, 0, flags);
  /* A KedjaDate: days from 0001-01-01, 0 for none. */
  properties[PROP_FOLLOW_UP] = g_param_spec_int ("follow-up", NULL, NULL, 0, G_MAXINT32, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kedja_plan_summary_init (KedjaPlanSummary *self)
{
}

KedjaPlanSummary *
kedja_plan_summary_new (const KedjaPlanSummaryFields *fields)
{
  KedjaPlanSummary *self;

  g_return_val_if_fail (fields != NULL && fields->id != NULL, NULL);

  self = g_object_new (KEDJA_TYPE_PLAN_SUMMARY, NULL);
  self->id = g_strdup (fields->id);
  self->title = g_strdup (fields->title);
  self->client_name = g_strdup (fields->client_name);
  self->protected_identity = fields->protected_identity;
  self->district = g_strdup (fields->district);
  self->status = fields->status;
  self->revision = fields->revision;
  self->n_steps = fields->n_steps;
  self->follow_up = fields->follow_up;
  return self;
}

const char *
kedja_plan_summary_get_id (KedjaPlanSummary *self)
{
  g_return_val_if_fail (KEDJA_IS_PLAN_SUMMARY (self), NULL);
  return self->id;
}

const char *
kedja_plan_summary_get_title (KedjaPlanSummary *self)
{
  g_return_val_if_fail (KEDJA_IS_PLAN_SUMMARY (self), NULL);
  return self->title;
}

const char *
kedja_plan_summary_get_client_name (KedjaPlanSummary *self)
{
  g_return_val_if_fail (KEDJA_IS_PLAN_SUMMARY (self), NULL);
  return self->client_name;
}

gboolean
kedja_plan_summary_get_protected_identity (KedjaPlanSummary *self)
{
  g_return_val_if_fail (KEDJA_IS_PLAN_SUMMARY (self), FALSE);
  return self->protected_identity;
}

const char *
kedja_plan_summary_get_district (KedjaPlanSummary *self)
{
  g_return_val_if_fail (KEDJA_IS_PLAN_SUMMARY (self), NULL);
  return self->district;
}

KedjaPlanStatus
kedja_plan_summary_get_status (KedjaPlanSummary *self)
{
  g_return_val_if_fail (KEDJA_IS_PLAN_SUMMARY (self), KEDJA_PLAN_STATUS_DRAFT);
  return self->status;
}

gint64
kedja_plan_summary_get_revision (KedjaPlanSummary *self)
{
  g_return_val_if_fail (KEDJA_IS_PLAN_SUMMARY (self), 0);
  return self->revision;
}

guint
kedja_plan_summary_get_n_steps (KedjaPlanSummary *self)
{
  g_return_val_if_fail (KEDJA_IS_PLAN_SUMMARY (self), 0);
  return self->n_steps;
}

KedjaDate
kedja_plan_summary_get_follow_up (KedjaPlanSummary *self)
{
  g_return_val_if_fail (KEDJA_IS_PLAN_SUMMARY (self), KEDJA_DATE_NONE);
  return self->follow_up;
}
