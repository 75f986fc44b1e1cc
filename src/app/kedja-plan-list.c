/* kedja-plan-list.c — every plan of the database, searchable and sortable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkColumnView over the plan summaries: client, district, status and
 * follow-up. Only the rows in sight have widgets, so 2,000 plans cost no
 * more to show than 20.
 */
#define G_LOG_DOMAIN "kedja"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "kedja-plan-list.h"
#include "kedja-window-private.h"

struct _KedjaPlanList
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkSearchEntry      *search_entry;
  GtkStack            *list_stack;
  GtkColumnView       *plans_view;
  GtkColumnViewColumn *client_column;
  GtkColumnViewColumn *district_column;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *follow_up_column;
  GtkLabel            *count_label;

  GListStore          *plans;       /* (element-type KedjaPlanSummary): all of them */
  GtkCustomFilter     *filter;
  GtkFilterListModel  *filtered;
  GtkSliceListModel   *first_rows;  /* the sorted rows, or the first screenful */
  GtkSingleSelection  *selection;   /* over the filtered, sorted rows */
  char                *search_text; /* %NULL when not searching */
  KedjaDate            today;       /* what "overdue" is judged against */
};

G_DEFINE_FINAL_TYPE (KedjaPlanList, kedja_plan_list, GTK_TYPE_WIDGET)

/* GTK 4.8's list views make widgets for up to 200 rows, seen or not, and
 * laying out their text is most of what a first frame with 2,000 plans
 * costs. So the list starts with a screenful, enough for a tall screen, and
 * takes in the rest once that has been drawn: the first frame is complete,
 * only the scroll bar grows a moment later. */
#define FIRST_SCREEN_ROWS 50

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GQuark client_key_quark;
static GQuark district_key_quark;

/* The list never shows the name of a person with a protected identity:
 * the label stands in for it everywhere, in sorting and searching too, so
 * neither the row's position nor a search hit gives the name away. */
static const char *
get_client_text (KedjaPlanSummary *summary)
{
  return kedja_client_display_name (kedja_plan_summary_get_client_name (summary),
                                    kedja_plan_summary_get_protected_identity (summary));
}

static const char *
get_district_text (KedjaPlanSummary *summary)
{
  const char *district =
    kedja_client_display_district (kedja_plan_summary_get_district (summary),
                                   kedja_plan_summary_get_protected_identity (summary));

  return district != NULL ? district : "";
}

/* The follow-up-missing rule's test: an active plan must have a follow-up
 * that has not passed. */
static gboolean
follow_up_needs_attention (KedjaPlanSummary *summary,
                           KedjaDate         today)
{
  KedjaDate follow_up = kedja_plan_summary_get_follow_up (summary);

  if (kedja_plan_summary_get_status (summary) != KEDJA_PLAN_STATUS_ACTIVE)
    return FALSE;
  return follow_up == KEDJA_DATE_NONE || follow_up < today;
}

/* Collation keys are cached on the summaries so that sorting 2,000 rows
 * compares bytes instead of asking the locale twice per comparison. */
static const char *
get_collate_key (KedjaPlanSummary *summary,
                 GQuark            quark,
                 const char       *text)
{
  char *key = g_object_get_qdata (G_OBJECT (summary), quark);

  if (key == NULL)
    {
      key = g_utf8_collate_key (text, -1);
      g_object_set_qdata_full (G_OBJECT (summary), quark, key, g_free);
    }
  return key;
}

static int
compare_client (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  KedjaPlanSummary *summary_a = (KedjaPlanSummary *) a;
  KedjaPlanSummary *summary_b = (KedjaPlanSummary *) b;

  return strcmp (get_collate_key (summary_a, client_key_quark, get_client_text (summary_a)),
                 get_collate_key (summary_b, client_key_quark, get_client_text (summary_b)));
}

static int
compare_district (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  KedjaPlanSummary *summary_a = (KedjaPlanSummary *) a;
  KedjaPlanSummary *summary_b = (KedjaPlanSummary *) b;

  return strcmp (get_collate_key (summary_a, district_key_quark, get_district_text (summary_a)),
                 get_collate_key (summary_b, district_key_quark, get_district_text (summary_b)));
}

static int
compare_status (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  KedjaPlanStatus status_a = kedja_plan_summary_get_status ((KedjaPlanSummary *) a);
  KedjaPlanStatus status_b = kedja_plan_summary_get_status ((KedjaPlanSummary *) b);

  return (int) status_a - (int) status_b;
}

/* Plans without a follow-up sort last: they are not "earliest". */
static int
compare_follow_up (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  KedjaDate date_a = kedja_plan_summary_get_follow_up ((KedjaPlanSummary *) a);
  KedjaDate date_b = kedja_plan_summary_get_follow_up ((KedjaPlanSummary *) b);

  if (date_a == date_b)
    return 0;
  if (date_a == KEDJA_DATE_NONE)
    return 1;
  if (date_b == KEDJA_DATE_NONE)
    return -1;
  return date_a < date_b ? -1 : 1;
}

static gboolean
filter_plan (gpointer item,
             gpointer user_data)
{
  KedjaPlanList *self = user_data;
  KedjaPlanSummary *summary = item;

  if (self->search_text == NULL)
    return TRUE;

  /* Accepting ASCII alternates lets "orgryte" find "Örgryte" on a
   * keyboard without Swedish letters. */
  return g_str_match_string (self->search_text, get_client_text (summary), TRUE) ||
         g_str_match_string (self->search_text, get_district_text (summary), TRUE);
}

/* List cells. GTK 4.8's list views keep some 200 rows of widgets alive
 * whatever the window's height, so a cell is the lightest widget that shows
 * text: a single GtkInscription, which sizes itself by characters instead
 * of measuring its text, with no box or icon around it. */

static void
text_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               KedjaPlanList            *self)
{
  GtkWidget *text = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (text), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_list_item_set_child (item, text);
}

/* The client column's cells are marked so tests can tell them apart. */
static void
client_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 KedjaPlanList            *self)
{
  text_setup_cb (factory, item, self);
  gtk_widget_add_css_class (gtk_list_item_get_child (item), "kedja-client");
}

static void
set_css_class (GtkWidget  *widget,
               const char *css_class,
               gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

static void
client_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                KedjaPlanList            *self)
{
  KedjaPlanSummary *summary = gtk_list_item_get_item (item);
  GtkWidget *text = gtk_list_item_get_child (item);

  gtk_inscription_set_text (GTK_INSCRIPTION (text), get_client_text (summary));
  set_css_class (text, "protected-identity", kedja_plan_summary_get_protected_identity (summary));
}

static void
district_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  KedjaPlanList            *self)
{
  KedjaPlanSummary *summary = gtk_list_item_get_item (item);

  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (item)),
                            get_district_text (summary));
}

static void
status_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                KedjaPlanList            *self)
{
  KedjaPlanSummary *summary = gtk_list_item_get_item (item);
  GtkWidget *text = gtk_list_item_get_child (item);
  KedjaPlanStatus status = kedja_plan_summary_get_status (summary);

  gtk_inscription_set_text (GTK_INSCRIPTION (text), kedja_plan_status_get_label (status));
  set_css_class (text, "dim-label", status == KEDJA_PLAN_STATUS_CLOSED);
}

static void
follow_up_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   KedjaPlanList            *self)
{
  KedjaPlanSummary *summary = gtk_list_item_get_item (item);
  GtkWidget *text = gtk_list_item_get_child (item);
  KedjaDate follow_up = kedja_plan_summary_get_follow_up (summary);
  gboolean attention = follow_up_needs_attention (summary, self->today);
  g_autofree char *date = kedja_date_to_display (follow_up);
  g_autofree char *label = NULL;

  /* A sign, words, weight and colour: never the colour alone. */
  if (!attention)
    label = g_steal_pointer (&date);
  else if (follow_up == KEDJA_DATE_NONE)
    /* TRANSLATORS: an active plan without a follow-up date, in the plan
     * list; keep the warning sign, it marks the row for those who do not
     * see the colour */
    label = g_strdup (_("⚠ Not set"));
  else
    /* TRANSLATORS: a follow-up date that has passed, in the plan list;
     * keep the warning sign */
    label = g_strdup_printf (_("⚠ %s (overdue)"), date);

  gtk_inscription_set_text (GTK_INSCRIPTION (text), label);
  set_css_class (text, "overdue", attention);
  gtk_widget_set_tooltip_text (text, !attention ? NULL
                                     : follow_up == KEDJA_DATE_NONE
                                       ? _("This active plan has no follow-up date")
                                       : _("The follow-up date has passed"));
}

static void
update_count (KedjaPlanList *self)
{
  guint n_all = g_list_model_get_n_items (G_LIST_MODEL (self->plans));
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *text = NULL;

  if (n_shown == n_all)
    /* TRANSLATORS: %'u is a count with thousands separators, "2,000 plans" */
    text = g_strdup_printf (ngettext ("%'u plan", "%'u plans", n_all), n_all);
  else
    /* TRANSLATORS: how many plans match the search, of how many in all */
    text = g_strdup_printf (ngettext ("%'u of %'u plan", "%'u of %'u plans", n_all), n_shown, n_all);
  gtk_label_set_label (self->count_label, text);

  gtk_stack_set_visible_child_name (self->list_stack,
                                    n_shown == 0 && n_all > 0 ? "no-results" : "list");
}

static void
filtered_items_changed_cb (GListModel    *model,
                           guint          position,
                           guint          removed,
                           guint          added,
                           KedjaPlanList *self)
{
  update_count (self);
}

static void
search_changed_cb (GtkSearchEntry *entry,
                   KedjaPlanList  *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *old_text = g_steal_pointer (&self->search_text);
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  self->search_text = *text != '\0' ? g_strdup (text) : NULL;

  /* Every search matches words by prefix, so typing on can only narrow the
   * list and deleting can only widen it; telling the filter lets it look
   * at fewer rows. */
  if (old_text == NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (self->search_text == NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else if (g_str_has_prefix (self->search_text, old_text))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (g_str_has_prefix (old_text, self->search_text))
    change = GTK_FILTER_CHANGE_LESS_STRICT;

  gtk_filter_changed (GTK_FILTER (self->filter), change);
}

static void
stop_search_cb (GtkSearchEntry *entry,
                KedjaPlanList  *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
selected_item_changed_cb (GtkSingleSelection *selection,
                          GParamSpec         *pspec,
                          KedjaPlanList      *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static void
kedja_plan_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KedjaPlanList *self = KEDJA_PLAN_LIST (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_object (value, kedja_plan_list_get_selected (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kedja_plan_list_dispose (GObject *object)
{
  KedjaPlanList *self = KEDJA_PLAN_LIST (object);
  GtkWidget *child;

  /* Take the models away from the view first, so that nothing calls back
   * into a list that is half gone. */
  if (self->plans_view != NULL)
    gtk_column_view_set_model (self->plans_view, NULL);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->filtered != NULL)
    g_signal_handlers_disconnect_by_data (self->filtered, self);
  if (self->filter != NULL)
    gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), KEDJA_TYPE_PLAN_LIST);
  /* A plain GtkWidget owns its children: unparent whatever is left. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->first_rows);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->plans);
  g_clear_pointer (&self->search_text, g_free);

  G_OBJECT_CLASS (kedja_plan_list_parent_class)->dispose (object);
}

static void
show_all_rows_cb (GdkFrameClock *clock,
                  KedjaPlanList *self)
{
  g_signal_handlers_disconnect_by_func (clock, show_all_rows_cb, self);
  gtk_slice_list_model_set_size (self->first_rows, G_MAXUINT);
}

static void
show_all_rows_after_next_frame (KedjaPlanList *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  /* Until realized there is no frame clock; realize() comes back here. */
  if (clock == NULL)
    return;

  g_signal_handlers_disconnect_by_func (clock, show_all_rows_cb, self);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (show_all_rows_cb), self, 0);
}

static void
kedja_plan_list_realize (GtkWidget *widget)
{
  KedjaPlanList *self = KEDJA_PLAN_LIST (widget);

  GTK_WIDGET_CLASS (kedja_plan_list_parent_class)->realize (widget);

  if (gtk_slice_list_model_get_size (self->first_rows) != G_MAXUINT)
    show_all_rows_after_next_frame (self);
}

static void
kedja_plan_list_unrealize (GtkWidget *widget)
{
  KedjaPlanList *self = KEDJA_PLAN_LIST (widget);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  if (clock != NULL)
    g_signal_handlers_disconnect_by_func (clock, show_all_rows_cb, self);

  GTK_WIDGET_CLASS (kedja_plan_list_parent_class)->unrealize (widget);
}

static gboolean
kedja_plan_list_grab_focus (GtkWidget *widget)
{
  KedjaPlanList *self = KEDJA_PLAN_LIST (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->plans_view));
}

static void
kedja_plan_list_class_init (KedjaPlanListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kedja_plan_list_dispose;
  object_class->get_property = kedja_plan_list_get_property;
  widget_class->grab_focus = kedja_plan_list_grab_focus;
  widget_class->realize = kedja_plan_list_realize;
  widget_class->unrealize = kedja_plan_list_unrealize;

  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL,
                         KEDJA_TYPE_PLAN_SUMMARY,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/kedja/Kedja/kedja-plan-list.ui");
  gtk_widget_class_bind_template_child (widget_class, KedjaPlanList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KedjaPlanList, list_stack);
  gtk_widget_class_bind_template_child (widget_class, KedjaPlanList, plans_view);
  gtk_widget_class_bind_template_child (widget_class, KedjaPlanList, client_column);
  gtk_widget_class_bind_template_child (widget_class, KedjaPlanList, district_column);
  gtk_widget_class_bind_template_child (widget_class, KedjaPlanList, status_column);
  gtk_widget_class_bind_template_child (widget_class, KedjaPlanList, follow_up_column);
  gtk_widget_class_bind_template_child (widget_class, KedjaPlanList, count_label);
  gtk_widget_class_bind_template_callback (widget_class, client_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, client_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, text_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, district_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, follow_up_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "planlist");

  client_key_quark = g_quark_from_static_string ("kedja-plan-list-client-key");
  district_key_quark = g_quark_from_static_string ("kedja-plan-list-district-key");
}

static void
set_column_sorter (GtkColumnViewColumn *column,
                   GCompareDataFunc     compare)
{
  g_autoptr(GtkCustomSorter) sorter = gtk_custom_sorter_new (compare, NULL, NULL);

  gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
}

static void
kedja_plan_list_init (KedjaPlanList *self)
{
  GtkSortListModel *sorted;
  GtkSorter *sorter;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->today = kedja_date_today ();

  set_column_sorter (self->client_column, compare_client);
  set_column_sorter (self->district_column, compare_district);
  set_column_sorter (self->status_column, compare_status);
  set_column_sorter (self->follow_up_column, compare_follow_up);
  /* By name until someone clicks a column: that is how a worker looks a
   * person up. */
  gtk_column_view_sort_by_column (self->plans_view, self->client_column, GTK_SORT_ASCENDING);

  /* all plans → search filter → column sort → first screenful → selection
   * → view */
  self->plans = g_list_store_new (KEDJA_TYPE_PLAN_SUMMARY);
  self->filter = gtk_custom_filter_new (filter_plan, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->plans)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  sorter = gtk_column_view_get_sorter (self->plans_view);
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                    g_object_ref (sorter));
  self->first_rows = gtk_slice_list_model_new (G_LIST_MODEL (sorted), 0, G_MAXUINT);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->first_rows)));
  /* No plan is opened until the user picks one. */
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->plans_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect (self->selection, "notify::selected-item",
                    G_CALLBACK (selected_item_changed_cb), self);
  g_signal_connect (self->filtered, "items-changed",
                    G_CALLBACK (filtered_items_changed_cb), self);

  update_count (self);
}

GtkWidget *
kedja_plan_list_new (void)
{
  return g_object_new (KEDJA_TYPE_PLAN_LIST, NULL);
}

void
kedja_plan_list_set_plans (KedjaPlanList *self,
                           GPtrArray     *summaries,
                           KedjaDate      today)
{
  guint n_old;

  g_return_if_fail (KEDJA_IS_PLAN_LIST (self));

  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->plans));
  /* Set before the rows are bound, which is when they are judged. */
  self->today = today;

  gtk_slice_list_model_set_size (self->first_rows, FIRST_SCREEN_ROWS);
  if (summaries != NULL)
    g_list_store_splice (self->plans, 0, n_old, summaries->pdata, summaries->len);
  else
    g_list_store_remove_all (self->plans);
  show_all_rows_after_next_frame (self);
}

guint
kedja_plan_list_get_n_plans (KedjaPlanList *self)
{
  g_return_val_if_fail (KEDJA_IS_PLAN_LIST (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->plans));
}

KedjaPlanSummary *
kedja_plan_list_get_selected (KedjaPlanList *self)
{
  g_return_val_if_fail (KEDJA_IS_PLAN_LIST (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

GtkSelectionModel *
kedja_plan_list_get_model (KedjaPlanList *self)
{
  g_return_val_if_fail (KEDJA_IS_PLAN_LIST (self), NULL);

  return GTK_SELECTION_MODEL (self->selection);
}

void
kedja_plan_list_focus_search (KedjaPlanList *self)
{
  g_return_if_fail (KEDJA_IS_PLAN_LIST (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

GtkColumnView *
_kedja_plan_list_get_column_view (KedjaPlanList *self)
{
  g_return_val_if_fail (KEDJA_IS_PLAN_LIST (self), NULL);

  return self->plans_view;
}

GtkEditable *
_kedja_plan_list_get_search_entry (KedjaPlanList *self)
{
  g_return_val_if_fail (KEDJA_IS_PLAN_LIST (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}
