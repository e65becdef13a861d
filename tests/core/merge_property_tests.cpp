// Merge properties over random edit sequences (seeded, so every run is the
// same): merging a side with an untouched other side gives that side; and for
// random base, ours and theirs the merged map reads back valid, and every
// value either side changed is in it or in a conflict it lists, so a merge is
// clean only when nothing was set aside. The edits include what the format
// allows beyond the editor's reach: keys this version does not know (at the
// top level too, and nested up to the reader's limit), x-cjm-conflicts values
// that are not lists, and ids that two sides give to different kinds.
#include <catch2/catch.hpp>

#include <random>

#include "cjm/document_io.hpp"
#include "cjm/edit.hpp"
#include "cjm/merge.hpp"
#include "map_json.hpp"
#include "test_helpers.hpp"

using namespace cjm;
using namespace cjm::test;

namespace {

Document sample() { return mustRead(readText(std::string(CJM_SAMPLES_DIR) + "/ecommerce-en.cjm")); }

class RandomEditor {
public:
    RandomEditor(std::uint32_t seed, std::string prefix) : m_rng(seed), m_prefix(std::move(prefix)) {}

    // `steps` edits through the core's own Edit functions; the map stays valid.
    void run(Document &doc, int steps)
    {
        for (int i = 0; i < steps; ++i)
            if (EditPtr edit = next(doc))
                edit->apply(doc);
    }

private:
    std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(m_rng() % n); }
    std::string word()
    {
        static const char *const words[] = {"ad", "store", "coupon", "review", "门店", "checkout", "call", "app"};
        return std::string(words[below(8)]) + " " + std::to_string(below(100));
    }
    std::string fresh() { return m_prefix + std::to_string(++m_counter); }

    EditPtr next(const Document &doc)
    {
        const auto &cards = doc.cards();
        switch (below(14)) {
        case 0:
        case 1: { // card text
            if (cards.empty())
                return nullptr;
            Card c = cards[below(cards.size())];
            c.text = word();
            return updateCard(std::move(c));
        }
        case 2: { // another field, or a key this version does not know
            if (cards.empty())
                return nullptr;
            Card c = cards[below(cards.size())];
            if (below(2) == 0)
                c.notes = word();
            else
                c.unknown["x-review"] = word();
            return updateCard(std::move(c));
        }
        case 3:
        case 4: { // move a card to another persona or stage, same lane
            if (cards.empty() || doc.personas().empty() || doc.stages().empty())
                return nullptr;
            const Card &c = cards[below(cards.size())];
            return moveCard(c.id, doc.personas()[below(doc.personas().size())].id,
                            doc.stages()[below(doc.stages().size())].id, c.lane, static_cast<std::int64_t>(below(4)));
        }
        case 5:
        case 6: { // add a card
            if (doc.personas().empty() || doc.stages().empty() || doc.lanes().empty())
                return nullptr;
            Card c;
            c.id = fresh();
            c.persona = doc.personas()[below(doc.personas().size())].id;
            c.stage = doc.stages()[below(doc.stages().size())].id;
            const Lane &lane = doc.lanes()[below(doc.lanes().size())];
            c.lane = lane.id;
            c.text = word();
            if (lane.kind == LaneKind::Emotions)
                c.score = static_cast<int>(below(7)) - 3;
            return addCard(std::move(c), below(2) ? std::optional<std::size_t>(below(cards.size() + 1)) : std::nullopt);
        }
        case 7: // remove a card
            return cards.empty() ? nullptr : removeCard(cards[below(cards.size())].id);
        case 8: { // rename a stage or persona
            if (below(2) == 0 && !doc.stages().empty()) {
                Stage s = doc.stages()[below(doc.stages().size())];
                s.name = word();
                return updateStage(std::move(s));
            }
            if (doc.personas().empty())
                return nullptr;
            Persona p = doc.personas()[below(doc.personas().size())];
            p.name = word();
            return updatePersona(std::move(p));
        }
        case 9: { // add a stage or a persona
            if (below(2) == 0) {
                Stage s;
                s.id = fresh();
                s.name = word();
                return addStage(std::move(s), below(doc.stages().size() + 1));
            }
            Persona p;
            p.id = fresh();
            p.name = word();
            return addPersona(std::move(p), below(doc.personas().size() + 1));
        }
        case 10: { // remove a stage (rarely: it takes its cards along)
            if (doc.stages().size() < 3 || below(3) != 0)
                return nullptr;
            return removeStage(doc.stages()[below(doc.stages().size())].id);
        }
        case 11: { // reorder
            if (below(2) == 0 && !doc.stages().empty())
                return moveStage(doc.stages()[below(doc.stages().size())].id, below(doc.stages().size()));
            if (doc.lanes().empty())
                return nullptr;
            return moveLane(doc.lanes()[below(doc.lanes().size())].id, below(doc.lanes().size()));
        }
        case 12: { // lane title
            if (doc.lanes().empty())
                return nullptr;
            Lane l = doc.lanes()[below(doc.lanes().size())];
            l.title = word();
            return updateLane(std::move(l));
        }
        default: { // the journey
            Journey j = doc.journey();
            j.goal = word();
            return setJourney(std::move(j));
        }
        }
    }

    std::mt19937 m_rng;
    std::string m_prefix;
    int m_counter = 0;
};

// A value `levels` deep: {"a": {"a": ... "leaf"}}.
Json nested(int levels, const std::string &leaf)
{
    Json value = leaf;
    for (int i = 0; i < levels; ++i)
        value = Json{{"a", std::move(value)}};
    return value;
}

// Edits of the file itself, for what the editor's edits never make. Each
// keeps the map valid (checked by reading it back).
class RandomFileEditor {
public:
    explicit RandomFileEditor(std::uint32_t seed) : m_rng(seed) {}

    void run(Document &doc, int steps)
    {
        for (int i = 0; i < steps; ++i) {
            Json map = toJson(doc);
            next(map);
            ReadResult read = readDocument(map.dump());
            INFO((read.problems.empty() ? std::string() : read.problems.front().toString()));
            REQUIRE(read.ok());
            doc = std::move(*read.document);
        }
    }

private:
    std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(m_rng() % n); }
    std::string word() { return "w" + std::to_string(below(1000)); }

    // A value for a key whose object sits at `depth` (top level 1): sometimes
    // as deep as the reader allows there.
    Json value(int depth)
    {
        const int room = 64 - depth; // levels a value may open below its object
        switch (below(4)) {
        case 0: return word();
        case 1: return Json{{"k", word()}, {"n", static_cast<int>(below(9))}};
        case 2: return nested(room, word());
        default: return nested(static_cast<int>(below(static_cast<std::size_t>(room) + 1)), word());
        }
    }

    // The journey or an entity of one of the arrays, with its depth.
    std::pair<Json *, int> someObject(Json &map)
    {
        std::vector<Json *> entities;
        for (std::string_view array : detail::kEntityArrays)
            if (map.contains(std::string(array))) // "views" only once a side added one
                for (auto &e : map[std::string(array)])
                    entities.push_back(&e);
        const std::size_t pick = below(entities.size() + 1);
        return pick == entities.size() ? std::make_pair(&map["journey"], 2) : std::make_pair(entities[pick], 3);
    }

    bool idFree(const Json &map, const std::string &id)
    {
        if (map["journey"]["id"] == id)
            return false;
        for (std::string_view array : detail::kEntityArrays)
            if (map.contains(std::string(array)))
                for (const auto &e : map[std::string(array)])
                    if (e["id"] == id)
                        return false;
        return true;
    }

    void next(Json &map)
    {
        // A small pool of ids, so the two sides often take the same one.
        const std::string poolId = "z" + std::to_string(below(3));
        switch (below(7)) {
        case 0: // a top-level key this version does not know
            map["x-top" + std::to_string(below(3))] = value(1);
            break;
        case 1: { // an unknown key on the journey or an entity
            auto [object, depth] = someObject(map);
            (*object)["x-e" + std::to_string(below(3))] = value(depth);
            break;
        }
        case 2: { // an x-cjm-conflicts that is not a list, or an entry that is no marker
            auto [object, depth] = someObject(map);
            Json &markers = (*object)[kConflictKey];
            if (markers.is_array() && below(2) == 0)
                markers.push_back("note " + word());
            else
                markers = below(2) == 0 ? Json("KEEP " + word()) : Json{{"note", word()}};
            (void)depth;
            break;
        }
        case 3: { // a persona, stage or lane under an id from the pool; a card moved into a new stage
            if (!idFree(map, poolId))
                break;
            const char *arrays[] = {"personas", "stages", "lanes"};
            const std::string array = arrays[below(3)];
            Json entity = {{"id", poolId}};
            if (array == "lanes")
                entity["kind"] = "notes";
            else
                entity["name"] = word();
            map[array].push_back(entity);
            if (array == "stages" && !map["cards"].empty())
                map["cards"][below(map["cards"].size())]["stage"] = poolId;
            break;
        }
        case 4: { // a card under an id from the pool
            if (!idFree(map, poolId) || map["personas"].empty() || map["stages"].empty() || map["lanes"].empty())
                break;
            map["cards"].push_back({{"id", poolId},
                                    {"persona", map["personas"][below(map["personas"].size())]["id"]},
                                    {"stage", map["stages"][below(map["stages"].size())]["id"]},
                                    {"lane", map["lanes"][below(map["lanes"].size())]["id"]},
                                    {"text", word()},
                                    {"score", 0}}); // an emotion card needs one; others keep it unused
            break;
        }
        case 5: { // a view under an id from the pool, listing a persona and a stage range (ids may clash and be
                  // renamed)
            if (!idFree(map, poolId) || map["personas"].empty() || map["stages"].empty())
                break;
            if (!map.contains("views"))
                map["views"] = Json::array();
            map["views"].push_back(
                {{"id", poolId},
                 {"name", word()},
                 {"personas", Json::array({map["personas"][below(map["personas"].size())]["id"]})},
                 {"stages",
                  {{"from", map["stages"][0]["id"]}, {"to", map["stages"][below(map["stages"].size())]["id"]}}}});
            break;
        }
        default: // the journey's id from the pool
            if (idFree(map, poolId))
                map["journey"]["id"] = poolId;
            break;
        }
    }

    std::mt19937 m_rng;
};

DiffEntity entityOf(std::string_view array)
{
    return array == "personas" ? DiffEntity::Persona
           : array == "stages" ? DiffEntity::Stage
           : array == "lanes"  ? DiffEntity::Lane
           : array == "views"  ? DiffEntity::View
                               : DiffEntity::Card;
}

// Checks that every change `x` (named "ours" or "theirs") made to `base` is in
// the merged map or in one of its listed conflicts, after the merge's renames.
class KeptChecker {
public:
    KeptChecker(const Document &base, const Document &x, const Document &y, const MergeResult &result,
                std::string xName)
        : m_b(detail::splitDocument(base)), m_x(detail::splitDocument(x)), m_y(detail::splitDocument(y)),
          m_m(detail::splitDocument(*result.document)), m_result(result), m_xName(std::move(xName))
    {
    }

    void run()
    {
        checkObject(DiffEntity::Map, {}, &m_b.top, &m_x.top, &m_m.top);
        checkObject(DiffEntity::Journey, m_result.document->journey().id, &m_b.journey, &m_x.journey, &m_m.journey);
        for (std::string_view array : detail::kEntityArrays) {
            const DiffEntity kind = entityOf(array);
            const auto &bt = detail::table(m_b, array), &xt = detail::table(m_x, array),
                       &yt = detail::table(m_y, array), &mt = detail::table(m_m, array);
            std::vector<std::string> ids = bt.order;
            for (const auto &id : xt.order)
                if (!bt.find(id))
                    ids.push_back(id);
            for (const auto &id : ids) {
                const Json *bj = bt.find(id), *xj = xt.find(id), *yj = yt.find(id);
                const std::string mid = renamed(kind, id);
                const Json *mj = mt.find(mid);
                INFO(m_xName << " " << array << " " << id << " (merged as " << mid << ")");
                if (bj && !xj) { // x deleted it: gone, or kept where y changed it, with a conflict saying so
                    if (mj)
                        CHECK(hasDeleted(kind, mid, m_xName));
                    continue;
                }
                if (bj && !yj && *xj == *bj && !mj)
                    continue; // y deleted what x left alone
                REQUIRE(mj != nullptr);
                checkObject(kind, mid, bj, xj, mj);
            }
            checkOrder(array);
        }
    }

private:
    std::string renamed(DiffEntity kind, const std::string &id) const
    {
        for (const auto &r : m_result.renamed)
            if (r.entity == kind && r.from == id)
                return r.to;
        return id;
    }

    // A value of x's as the merged map spells it: a card's place follows renamed ids.
    Json asMerged(const std::string &field, Json value) const
    {
        if (field == "cell" && value.is_object()) {
            value["persona"] = renamed(DiffEntity::Persona, value["persona"].get<std::string>());
            value["stage"] = renamed(DiffEntity::Stage, value["stage"].get<std::string>());
            value["lane"] = renamed(DiffEntity::Lane, value["lane"].get<std::string>());
        }
        // A view's lists (and a stage range's ends) follow renamed personas, stages and lanes.
        const DiffEntity listed = field == "personas" ? DiffEntity::Persona
                                  : field == "stages" ? DiffEntity::Stage
                                                      : DiffEntity::Lane;
        if (field == "personas" || field == "stages" || field == "lanes") {
            if (value.is_array())
                for (auto &id : value)
                    id = renamed(listed, id.get<std::string>());
            else if (value.is_object())
                for (const char *end : {"from", "to"})
                    value[end] = renamed(listed, value[end].get<std::string>());
        }
        return value;
    }

    bool hasDeleted(DiffEntity kind, const std::string &id, const std::string &by) const
    {
        for (const auto &c : m_result.conflicts)
            if (c.type == ConflictType::Deleted && c.entity == kind && c.id == id && c.deletedBy == by)
                return true;
        return false;
    }

    bool inConflict(DiffEntity kind, const std::string &id, const std::string &field,
                    const std::optional<Json> &v) const
    {
        for (const auto &c : m_result.conflicts)
            if (c.type == ConflictType::Field && c.entity == kind && c.id == id && c.field == field &&
                (c.ours == v || c.theirs == v))
                return true;
        return false;
    }

    static std::optional<Json> fieldOf(const Json *object, const std::string &key, bool isCard)
    {
        if (!object)
            return std::nullopt;
        if (isCard && key == "cell")
            return detail::cardCell(*object);
        return detail::valueOf(*object, key);
    }

    static Json entries(const std::optional<Json> &markers)
    {
        if (!markers)
            return Json::array();
        return markers->is_array() ? *markers : Json::array({*markers});
    }

    void checkObject(DiffEntity kind, const std::string &id, const Json *bj, const Json *xj, const Json *mj)
    {
        const bool isCard = kind == DiffEntity::Card;
        std::vector<std::string> keys;
        if (isCard)
            keys.push_back("cell");
        for (const Json *e : {bj, xj})
            if (e)
                for (const auto &[key, value] : e->items())
                    if (!(isCard && (key == "persona" || key == "stage" || key == "lane" || key == "order")) &&
                        std::find(keys.begin(), keys.end(), key) == keys.end())
                        keys.push_back(key);
        for (const auto &key : keys) {
            // Ids are matched above (renamed ones too); "generator" keeps ours by design.
            if (key == "id" || (kind == DiffEntity::Map && key == "generator"))
                continue;
            const auto bv = fieldOf(bj, key, isCard), xv = fieldOf(xj, key, isCard), mv = fieldOf(mj, key, isCard);
            if (xv == bv)
                continue;
            INFO("field " << key << ": " << m_xName << " " << (xv ? xv->dump() : "(not set)"));
            if (key == kConflictKey) { // a list: what x added is there
                const Json merged = entries(mv);
                for (const auto &entry : entries(xv))
                    if (!entries(bv).contains(entry))
                        CHECK(std::find(merged.begin(), merged.end(), entry) != merged.end());
                continue;
            }
            const std::optional<Json> want = xv ? std::optional<Json>(asMerged(key, *xv)) : std::nullopt;
            CHECK((mv == want || inConflict(kind, id, key, want)));
        }
    }

    // x's new order of the personas, stages or lanes all three share is the map's, or in a conflict.
    void checkOrder(std::string_view array)
    {
        // Cards have no order; when both sides reorder the views, ours is kept without a conflict
        // (it is only the order of a menu), so only one side's new order must be the map's.
        if (array == "cards")
            return;
        const auto &bt = detail::table(m_b, array), &xt = detail::table(m_x, array), &yt = detail::table(m_y, array);
        auto shared = [&](const std::vector<std::string> &order) {
            Json ids = Json::array();
            for (const auto &id : order)
                if (bt.find(id) && xt.find(id) && yt.find(id) && detail::table(m_m, array).find(id))
                    ids.push_back(id);
            return ids;
        };
        const Json b = shared(bt.order), x = shared(xt.order), m = shared(detail::table(m_m, array).order);
        if (x == b)
            return;
        bool conflict = false;
        for (const auto &c : m_result.conflicts)
            conflict = conflict || (c.type == ConflictType::Order && c.field == array);
        INFO(m_xName << " reordered " << array);
        CHECK((m == x || conflict || (array == "views" && m_xName == "theirs")));
    }

    detail::DocumentJson m_b, m_x, m_y, m_m;
    const MergeResult &m_result;
    std::string m_xName;
};

} // namespace

TEST_CASE("merge property: one side untouched gives the other side, byte for byte", "[merge][property]")
{
    const Document base = sample();
    for (std::uint32_t seed = 1; seed <= 40; ++seed) {
        INFO("seed " << seed);
        Document x = base;
        RandomEditor(seed, "x").run(x, 1 + static_cast<int>(seed % 25));
        REQUIRE(readDocument(writeDocument(x)).ok());
        const std::string expected = writeDocument(x);

        auto ours = mergeDocuments(base, x, base);
        REQUIRE(ours.document);
        CHECK(ours.conflicts.empty());
        CHECK(writeDocument(*ours.document) == expected);

        auto theirs = mergeDocuments(base, base, x);
        REQUIRE(theirs.document);
        CHECK(theirs.conflicts.empty());
        CHECK(writeDocument(*theirs.document) == expected);

        auto same = mergeDocuments(base, x, x);
        REQUIRE(same.document);
        CHECK(writeDocument(*same.document) == expected);
    }
}

TEST_CASE("merge property: for random base, ours and theirs, the map reads back and nothing is dropped",
          "[merge][property]")
{
    std::size_t conflictsSeen = 0, renamesSeen = 0, cleanSeen = 0;
    for (std::uint32_t seed = 1; seed <= 80; ++seed) {
        INFO("seed " << seed);
        Document base = sample();
        RandomEditor(seed * 31u, "b").run(base, static_cast<int>(seed % 6));
        RandomFileEditor(seed * 131u).run(base, static_cast<int>(seed % 4));
        Document x = base, y = base;
        RandomEditor(seed, "x").run(x, 1 + static_cast<int>(seed % 20));
        RandomFileEditor(seed * 7u).run(x, static_cast<int>(seed % 5));
        RandomEditor(seed * 7919u, "y").run(y, 1 + static_cast<int>((seed * 3) % 20));
        RandomFileEditor(seed * 13u).run(y, static_cast<int>((seed * 3) % 5));
        REQUIRE(readDocument(writeDocument(x)).ok());
        REQUIRE(readDocument(writeDocument(y)).ok());

        auto result = mergeDocuments(base, x, y);
        INFO((result.problems.empty() ? std::string() : result.problems.front().toString()));
        REQUIRE(result.document); // always a valid map, conflicts or not
        conflictsSeen += result.conflicts.size();
        renamesSeen += result.renamed.size();
        cleanSeen += result.clean() ? 1 : 0;
        // The file written reads back, and holds exactly the conflicts listed.
        ReadResult reread = readDocument(writeDocument(*result.document));
        REQUIRE(reread.ok());
        CHECK(listConflicts(*reread.document) == result.conflicts);
        // Every change of either side is in the map or in a listed conflict;
        // with no conflict listed (exit 0), that means in the map.
        KeptChecker(base, x, y, result, "ours").run();
        KeptChecker(base, y, x, result, "theirs").run();
        for (const auto &c : result.conflicts)
            if (c.type == ConflictType::Field)
                CHECK(c.ours != c.theirs); // a conflict is a real choice

        // Settling every conflict, keeping ours or theirs in turn, leaves a map that reads back.
        Document settled = *result.document;
        bool keepOurs = seed % 2 == 0;
        for (auto conflicts = listConflicts(settled); !conflicts.empty(); conflicts = listConflicts(settled)) {
            auto r =
                resolveConflict(settled, conflicts.front(), keepOurs ? Resolution::KeepOurs : Resolution::KeepTheirs);
            INFO(conflicts.front().description << ": " << r.error);
            REQUIRE(r.edit);
            REQUIRE(r.edit->apply(settled));
            keepOurs = !keepOurs;
        }
        CHECK(readDocument(writeDocument(settled)).ok());
    }
    // The seeds do reach each case.
    CHECK(conflictsSeen > 0);
    CHECK(renamesSeen > 0);
    CHECK(cleanSeen > 0);
}
