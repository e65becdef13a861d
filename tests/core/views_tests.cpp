// Saved views (docs/format.md, "View"): read, written in canonical form,
// validated with lenient references, resolved against a map, changed by
// undoable edits, compared by diff and merged by id; the built-in views.
#include <catch2/catch.hpp>

#include "cjm/diff.hpp"
#include "cjm/merge.hpp"
#include "cjm/views.hpp"
#include "test_helpers.hpp"
#include "validation.hpp"

using namespace cjm;
using namespace cjm::test;

namespace {

// Two personas, three stages, three lanes (one hidden), cards for p1 only in
// touchpoints and for p2 only in emotions.
Json viewMap()
{
    Json map = minimalMap();
    map["personas"].push_back({{"id", "p2"}, {"name", "Student"}});
    map["stages"].push_back({{"id", "s3"}, {"name", "Loyalty"}});
    map["lanes"].push_back({{"id", "l3"}, {"kind", "notes"}, {"hidden", true}});
    map["cards"][1]["persona"] = "p2"; // c2: p2, s2, emotions
    return map;
}

Json exampleView()
{
    return Json::parse(R"({
      "id": "v1",
      "name": "Exec deck",
      "personas": ["p2", "p1"],
      "stages": {"from": "s1", "to": "s2"},
      "lanes": ["l1", "l2"],
      "hideEmptyLanes": true,
      "layout": "slides",
      "aspect": "4:3"
    })");
}

Document withViews(Json map, const Json &views)
{
    map["views"] = views;
    return mustRead(map.dump());
}

void applyOk(Document &doc, Edit &edit)
{
    const std::string before = writeDocument(doc);
    REQUIRE(edit.apply(doc));
    CHECK(readBackDifference(doc) == "");
    const std::string after = writeDocument(doc);
    edit.revert(doc);
    CHECK(writeDocument(doc) == before);
    REQUIRE(edit.apply(doc));
    CHECK(writeDocument(doc) == after);
}

} // namespace

TEST_CASE("views: read and written in canonical form, unknown keys kept", "[views]")
{
    Json view = exampleView();
    view["x-later"] = Json{{"kept", true}};
    view["stages"]["x-range"] = 1;
    Json minimal = {{"id", "v2"},        {"name", "Everything"}, {"hideEmptyLanes", false},
                    {"layout", "whole"}, {"aspect", "16:9"},     {"stages", Json::array({"s2", "s1"})}};
    const Document doc = withViews(viewMap(), Json::array({view, minimal}));
    REQUIRE(doc.views().size() == 2);
    const View &v = doc.views()[0];
    CHECK(v.name == "Exec deck");
    CHECK(v.personas == std::vector<std::string>{"p2", "p1"});
    CHECK_FALSE(v.stages);
    REQUIRE(v.stageRange);
    CHECK(v.stageRange->from == "s1");
    CHECK(v.stageRange->to == "s2");
    CHECK(v.lanes == std::vector<std::string>{"l1", "l2"});
    CHECK(v.hideEmptyLanes);
    CHECK(v.layout == ViewLayout::Slides);
    CHECK(v.aspect == SlideAspect::Standard);
    CHECK(doc.view("v2")->stages == std::vector<std::string>{"s2", "s1"});
    CHECK(doc.view("nope") == nullptr);

    const Json written = toJson(doc);
    const Json &views = written["views"];
    REQUIRE(views.size() == 2);
    // Keys in the spec's order, unknown ones after; defaults left out.
    std::vector<std::string> keys;
    for (const auto &[key, value] : views[0].items())
        keys.push_back(key);
    CHECK(keys == std::vector<std::string>{"id", "name", "personas", "stages", "lanes", "hideEmptyLanes", "layout",
                                           "aspect", "x-later"});
    CHECK(views[0]["stages"] == Json{{"from", "s1"}, {"to", "s2"}, {"x-range", 1}});
    CHECK(views[1] == Json{{"id", "v2"}, {"name", "Everything"}, {"stages", Json::array({"s2", "s1"})}});
    CHECK(readBackDifference(doc) == "");
    // "views" comes after "cards", and a map without views has no key.
    std::vector<std::string> top;
    for (const auto &[key, value] : written.items())
        top.push_back(key);
    CHECK(top.back() == "views");
    CHECK_FALSE(toJson(mustRead(viewMap().dump())).contains("views"));
}

TEST_CASE("views: what the reader refuses, naming the place", "[views]")
{
    Json bad = exampleView();
    bad["personas"] = Json::array({"p1", "p1", "not an id"});
    bad["lanes"] = "l1";
    bad["layout"] = "poster";
    bad["aspect"] = "21:9";
    Json noName = {{"id", "v2"}, {"stages", 3}};
    Json clash = {{"id", "p1"}, {"name", "Same id as a persona"}};
    Json range = {{"id", "v3"}, {"name", "Half a range"}, {"stages", Json{{"from", "s1"}}}};
    Json map = viewMap();
    map["views"] = Json::array({bad, noName, clash, range});
    const Problems problems = problemsOf(map);
    CHECK(hasProblem(problems, "/views/0/personas/1", "the id \"p1\" is listed twice"));
    CHECK(hasProblem(problems, "/views/0/personas/2", "not a valid id"));
    CHECK(hasProblem(problems, "/views/0/lanes", "must be a list of ids"));
    CHECK(hasProblem(problems, "/views/0/layout", "must be \"whole\" or \"slides\""));
    CHECK(hasProblem(problems, "/views/0/aspect", "must be \"16:9\" or \"4:3\""));
    CHECK(hasProblem(problems, "/views/1", "the view has no \"name\""));
    CHECK(hasProblem(problems, "/views/1/stages", "a list of stage ids or a range"));
    CHECK(hasProblem(problems, "/views/2/id", "the id \"p1\" is already used at /personas/0"));
    CHECK(hasProblem(problems, "/views/3/stages", "the stage range has no \"to\""));
    map["views"] = Json::object();
    CHECK(hasProblem(problemsOf(map), "/views", "must be a list"));
}

TEST_CASE("views: references to entities that do not exist are kept and ignored", "[views]")
{
    Json view = exampleView();
    view["personas"] = Json::array({"p-gone", "p1"});
    view["lanes"] = Json::array({"l-gone", "l2"});
    const Document doc = withViews(viewMap(), Json::array({view}));
    CHECK(doc.views()[0].personas == std::vector<std::string>{"p-gone", "p1"});
    const ViewSelection s = resolveView(doc, doc.views()[0]);
    CHECK(s.personaIds == std::vector<std::string>{"p1"});
    CHECK(s.laneIds == std::vector<std::string>{"l2"});
    // An id of another kind is not a persona either.
    view["personas"] = Json::array({"c1"});
    CHECK(resolveView(withViews(viewMap(), Json::array({view})), doc.views()[0]).personaIds ==
          std::vector<std::string>{"p1"});
}

TEST_CASE("views: resolved against the map, in the map's order", "[views]")
{
    const Document doc = mustRead(viewMap().dump());
    View view;
    view.id = "v";
    view.name = "v";
    ViewSelection s = resolveView(doc, view);
    CHECK(s.personaIds == std::vector<std::string>{"p1", "p2"});
    CHECK(s.stageIds == std::vector<std::string>{"s1", "s2", "s3"});
    CHECK(s.laneIds == std::vector<std::string>{"l1", "l2"}); // l3 is hidden: hidden in every view
    CHECK(s.lanesByPersona == std::vector<std::vector<std::string>>{{"l1", "l2"}, {"l1", "l2"}});
    CHECK(s.layout == ViewLayout::Whole);

    view.personas = {"p2", "p1"};                 // listed in any order: the map's order counts
    view.stageRange = StageRange{"s3", "s2", {}}; // either way round
    view.hideEmptyLanes = true;
    s = resolveView(doc, view);
    CHECK(s.personaIds == std::vector<std::string>{"p1", "p2"});
    CHECK(s.stageIds == std::vector<std::string>{"s2", "s3"});
    // p1 has c1 in s1 only: in s2..s3 both its lanes are empty; p2 has c2 in s2 (emotions).
    CHECK(s.lanesByPersona == std::vector<std::vector<std::string>>{{}, {"l2"}});

    view.stageRange = StageRange{"s-deleted", "s1", {}}; // a missing end is the map's first (or last) stage
    s = resolveView(doc, view);
    CHECK(s.stageIds == std::vector<std::string>{"s1"});
    view.stageRange = StageRange{"s2", "s-deleted", {}};
    CHECK(resolveView(doc, view).stageIds == std::vector<std::string>{"s2", "s3"});

    view.stageRange.reset();
    view.stages = std::vector<std::string>{"s3", "s1"};
    view.lanes = std::vector<std::string>{"l3", "l1"};
    view.hideEmptyLanes = false;
    s = resolveView(doc, view);
    CHECK(s.stageIds == std::vector<std::string>{"s1", "s3"});
    CHECK(s.laneIds == std::vector<std::string>{"l1"});
    CHECK(s.lanesByPersona == std::vector<std::vector<std::string>>{{"l1"}, {"l1"}});
}

TEST_CASE("views: the built-in ones, and finding a view by id or name", "[views]")
{
    const Document doc = withViews(viewMap(), Json::array({exampleView()}));
    REQUIRE(builtInViews().size() == 2);
    const View &whole = builtInViews()[0];
    const View &slides = builtInViews()[1];
    CHECK(whole.name == "Whole map");
    CHECK(slides.name == "One persona per slide set");
    ViewSelection s = resolveView(doc, whole);
    CHECK(s.personaIds.size() == 2);
    CHECK(s.stageIds.size() == 3);
    CHECK(s.layout == ViewLayout::Whole);
    CHECK_FALSE(s.hideEmptyLanes);
    s = resolveView(doc, slides);
    CHECK(s.layout == ViewLayout::Slides);
    CHECK(s.aspect == SlideAspect::Wide);
    CHECK(s.lanesByPersona == std::vector<std::vector<std::string>>{{"l1"}, {"l2"}});

    CHECK(availableViews(doc).size() == 3);
    CHECK(findView(doc, "v1")->name == "Exec deck");
    CHECK(findView(doc, "Exec deck")->id == "v1");
    CHECK(findView(doc, "Whole map")->id == kWholeMapViewId);
    CHECK(findView(doc, kPersonaSlidesViewId)->name == "One persona per slide set");
    CHECK(findView(doc, "no such view") == nullptr);
}

TEST_CASE("views: saving, changing, reordering and deleting a view are undoable edits", "[views][edit]")
{
    Document doc = mustRead(viewMap().dump());
    View view = withViews(viewMap(), Json::array({exampleView()})).views()[0];
    auto add = addView(view);
    applyOk(doc, *add);
    CHECK(doc.views() == std::vector<View>{view});
    CHECK(add->changes().touchesTopLevel());

    View second;
    second.id = "v2";
    second.name = "Opening";
    auto addFirst = addView(second, 0);
    applyOk(doc, *addFirst);
    CHECK(doc.views()[0].id == "v2");

    view.name = "Board deck";
    view.personas.reset();
    auto update = updateView(view);
    applyOk(doc, *update);
    CHECK(doc.view("v1")->name == "Board deck");
    CHECK_FALSE(doc.view("v1")->personas);

    auto move = moveView("v1", 0);
    applyOk(doc, *move);
    CHECK(doc.views()[0].id == "v1");

    auto remove = removeView("v2");
    applyOk(doc, *remove);
    CHECK(doc.views().size() == 1);
    CHECK(doc.newId("v") != "v1");

    // Refused, changing nothing.
    const std::string before = writeDocument(doc);
    View taken = second;
    taken.id = "p1"; // a persona's id
    CHECK_FALSE(addView(taken)->apply(doc));
    CHECK_FALSE(addView(view)->apply(doc)); // v1 is there
    View twice = second;
    twice.personas = std::vector<std::string>{"p1", "p1"};
    CHECK_FALSE(addView(twice)->apply(doc));
    View both = second;
    both.stages = std::vector<std::string>{"s1"};
    both.stageRange = StageRange{"s1", "s2", {}};
    CHECK_FALSE(addView(both)->apply(doc));
    View missing = second;
    missing.id = "v-missing";
    CHECK_FALSE(updateView(missing)->apply(doc));
    CHECK_FALSE(removeView("v-missing")->apply(doc));
    CHECK(writeDocument(doc) == before);
}

TEST_CASE("views: deleting a persona leaves the views whole, and undo brings the persona back into them",
          "[views][edit]")
{
    Document doc = withViews(viewMap(), Json::array({exampleView()}));
    const View before = doc.views()[0];
    auto remove = removePersona("p2");
    REQUIRE(remove->apply(doc));
    CHECK(doc.views()[0] == before);
    CHECK(readBackDifference(doc) == ""); // the file still reads
    CHECK(resolveView(doc, doc.views()[0]).personaIds == std::vector<std::string>{"p1"});
    remove->revert(doc);
    CHECK(resolveView(doc, doc.views()[0]).personaIds == std::vector<std::string>{"p1", "p2"});
}

TEST_CASE("views: diff names views by name, field by field", "[views][diff]")
{
    const Document a = withViews(viewMap(), Json::array({exampleView()}));
    Json changed = exampleView();
    changed["name"] = "Board deck";
    changed["aspect"] = "16:9";
    Json added = {{"id", "v2"}, {"name", "Opening"}};
    const Document b = withViews(viewMap(), Json::array({changed, added}));
    const auto changes = diffDocuments(a, b);
    REQUIRE(changes.size() == 3);
    CHECK(changes[0].entity == DiffEntity::View);
    CHECK(changes[0].description == "view \u2018Exec deck\u2019 renamed to \u2018Board deck\u2019");
    CHECK(changes[1].field == "aspect");
    CHECK(changes[1].description == "view \u2018Exec deck\u2019: aspect removed (was \u20184:3\u2019)");
    CHECK(changes[2].type == ChangeType::Added);
    CHECK(changes[2].description == "view \u2018Opening\u2019 added");
    CHECK(toString(DiffEntity::View) == "view");
    CHECK(diffDocuments(b, a).front().description == "view \u2018Opening\u2019 removed"); // removals first
}

TEST_CASE("views: merged by id, key by key; a conflict is resolved like any other", "[views][merge]")
{
    Json base = viewMap();
    base["views"] = Json::array({exampleView()});
    Json ours = base, theirs = base;
    ours["views"][0]["name"] = "Board deck";
    theirs["views"][0]["hideEmptyLanes"] = false;
    theirs["views"].push_back({{"id", "v2"}, {"name", "Opening"}});
    auto result = mergeDocuments(mustRead(base.dump()), mustRead(ours.dump()), mustRead(theirs.dump()));
    REQUIRE(result.clean());
    Document m = std::move(*result.document);
    REQUIRE(m.views().size() == 2);
    CHECK(m.view("v1")->name == "Board deck");
    CHECK_FALSE(m.view("v1")->hideEmptyLanes);
    CHECK(m.view("v2")->name == "Opening");

    theirs["views"][0]["name"] = "Sales deck";
    result = mergeDocuments(mustRead(base.dump()), mustRead(ours.dump()), mustRead(theirs.dump()));
    REQUIRE(result.document);
    REQUIRE(result.conflicts.size() == 1);
    const Conflict c = result.conflicts[0];
    CHECK(c.entity == DiffEntity::View);
    CHECK(c.field == "name");
    CHECK(c.theirs == Json("Sales deck"));
    m = std::move(*result.document);
    CHECK(m.view("v1")->name == "Board deck");
    auto resolved = resolveConflict(m, c, Resolution::KeepTheirs);
    REQUIRE(resolved.edit);
    REQUIRE(resolved.edit->apply(m));
    CHECK(m.view("v1")->name == "Sales deck");
    CHECK(listConflicts(m).empty());

    // One side deletes the view the other changed: kept, marked; keeping the deletion removes it.
    Json deleting = base;
    deleting["views"] = Json::array();
    result = mergeDocuments(mustRead(base.dump()), mustRead(deleting.dump()), mustRead(ours.dump()));
    REQUIRE(result.document);
    REQUIRE(result.conflicts.size() == 1);
    CHECK(result.conflicts[0].type == ConflictType::Deleted);
    m = std::move(*result.document);
    resolved = resolveConflict(m, result.conflicts[0], Resolution::KeepOurs);
    REQUIRE(resolved.edit);
    REQUIRE(resolved.edit->apply(m));
    CHECK(m.views().empty());
}
