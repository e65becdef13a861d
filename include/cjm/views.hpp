#pragma once
// Views: named ways to look at a map (which personas, stages and lanes,
// empty lanes left out or not, a whole page or slides), saved in the map
// (docs/format.md, "View") or built in. Using a view never changes the map;
// saving, changing or deleting one is an undoable edit (below).
//
// References are lenient: an id a view lists that names no persona (stage,
// lane) of the map is kept in the file and ignored here. Deleting a persona
// therefore leaves every view as it was, and undoing the deletion gives the
// views back whole; a merge never has to chase views.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cjm/document.hpp"
#include "cjm/edit.hpp"

namespace cjm {

// The built-in views, which need no saving. Their names are English; the UI
// shows a translation chosen by id.
inline constexpr std::string_view kWholeMapViewId = "builtin-whole-map";
inline constexpr std::string_view kPersonaSlidesViewId = "builtin-persona-slides";
// "Whole map": every persona, stage and shown lane, empty lanes kept, one page.
// "One persona per slide set": the same, as 16:9 slides split by persona,
// lanes empty for a persona left out.
const std::vector<View> &builtInViews();

// The views a map offers: the built-in ones, then the map's own.
std::vector<View> availableViews(const Document &document);
// A view by id or by name: the map's views first (id, then name, the first
// that matches), then the built-in ones. Nullptr when none matches.
const View *findView(const Document &document, std::string_view idOrName);

// A view applied to a map: the concrete selection, in the map's order.
struct ViewSelection {
    std::vector<std::string> personaIds; // the view's personas that exist, in map order
    std::vector<std::string> stageIds;   // the view's stages that exist, in map order
    std::vector<std::string> laneIds;    // the view's lanes that exist and are not hidden, in map order
    // Per persona (parallel to personaIds): the lanes of its band, laneIds
    // without those that have no card of the persona in stageIds when the
    // view hides empty lanes; laneIds otherwise.
    std::vector<std::vector<std::string>> lanesByPersona;
    bool hideEmptyLanes = false;
    ViewLayout layout = ViewLayout::Whole;
    SlideAspect aspect = SlideAspect::Wide;
    bool operator==(const ViewSelection &) const = default;
};

// Resolves `view` against `document`:
// - personas: absent, every persona; else those listed that exist.
// - stages: absent, every stage; a set, those listed that exist; a range,
//   every stage from `from` to `to` in display order (either way round). An
//   end that names no stage is taken as the first (from) or last (to) stage,
//   so a range never silently shows nothing because an end was deleted.
// - lanes: absent, every lane; else those listed that exist. A hidden lane
//   stays hidden in every view.
ViewSelection resolveView(const Document &document, const View &view);

// Undoable edits of the map's views (the editor's undo stack keeps them like
// any edit). Refused (apply() returns false, nothing changes) when the view
// would not read back (an invalid id, an id listed twice, both a stage set and
// a range...), or its id is used by an entity or, for addView, another view,
// or the map would pass the reader's whole-file limits.
EditPtr addView(View view, std::optional<std::size_t> index = std::nullopt); // nullopt appends
EditPtr updateView(View view);                                               // replaces the view with `view.id`
EditPtr removeView(std::string id);
EditPtr moveView(std::string id, std::size_t newIndex);

} // namespace cjm
