// Merge properties over random edit sequences (seeded, so every run is the
// same): merging a side with an untouched other side gives that side, and
// a real merge keeps every edit the other side did not touch.
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

bool hasDeletedMarker(const Json &entity)
{
    if (!entity.contains(kConflictKey))
        return false;
    for (const auto &m : entity[kConflictKey])
        if (m.value("type", "") == "deleted")
            return true;
    return false;
}

bool hasFieldMarker(const Json &entity, const std::string &field)
{
    if (!entity.contains(kConflictKey))
        return false;
    for (const auto &m : entity[kConflictKey])
        if (m.value("type", "") == "field" && m.value("field", "") == field)
            return true;
    return false;
}

std::optional<Json> fieldOf(const Json *entity, const std::string &key, bool isCard)
{
    if (!entity)
        return std::nullopt;
    if (isCard && key == "cell")
        return detail::cardCell(*entity);
    return detail::valueOf(*entity, key);
}

// Every change `x` made to `base` that `y` left alone is in `m`; every field
// conflict in `m` is a real one (both sides changed it, differently), and the
// entity keeps x's value there.
void checkKeepsEdits(const Document &base, const Document &x, const Document &y, const Document &m)
{
    const auto b = detail::splitMap(base), xs = detail::splitMap(x), ys = detail::splitMap(y), ms = detail::splitMap(m);
    for (std::string_view array : detail::kEntityArrays) {
        const bool isCard = array == "cards";
        const auto &bt = detail::table(b, array), &xt = detail::table(xs, array), &yt = detail::table(ys, array),
                   &mt = detail::table(ms, array);
        for (const auto &id : xt.order) {
            const Json *bj = bt.find(id), *xj = xt.find(id), *yj = yt.find(id), *mj = mt.find(id);
            INFO(std::string(array) << " " << id);
            if (!bj) { // x added it
                CHECK(mj != nullptr);
                continue;
            }
            if (!yj) { // y deleted it: gone, unless x changed it (a marked conflict)
                if (*xj == *bj && !mj)
                    continue;
                if (mj)
                    CHECK(hasDeletedMarker(*mj));
                continue;
            }
            REQUIRE(mj != nullptr);
            std::vector<std::string> keys = {"cell"};
            for (const Json *e : {bj, xj, yj})
                for (const auto &[key, value] : e->items())
                    if (key != kConflictKey && key != "id" &&
                        !(isCard && (key == "persona" || key == "stage" || key == "lane" || key == "order")))
                        keys.push_back(key);
            for (const auto &key : keys) {
                if (key == "cell" && !isCard)
                    continue;
                const auto bv = fieldOf(bj, key, isCard), xv = fieldOf(xj, key, isCard),
                           yv = fieldOf(yj, key, isCard), mv = fieldOf(mj, key, isCard);
                INFO("field " << key);
                if (xv != bv && yv == bv)
                    CHECK(mv == xv);
                if (xv == yv)
                    CHECK(mv == xv);
                if (hasFieldMarker(*mj, key)) {
                    CHECK(xv != bv);
                    CHECK(yv != bv);
                    CHECK(xv != yv);
                }
            }
        }
        for (const auto &id : bt.order) // x deleted it and y left it alone: gone
            if (!xt.find(id) && yt.find(id) && *yt.find(id) == *bt.find(id) && mt.find(id))
                CHECK(hasDeletedMarker(*mt.find(id)));
    }
}

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

TEST_CASE("merge property: both sides' edits that do not collide are all in the result", "[merge][property]")
{
    const Document base = sample();
    std::size_t conflictsSeen = 0;
    for (std::uint32_t seed = 1; seed <= 60; ++seed) {
        INFO("seed " << seed);
        Document x = base, y = base;
        RandomEditor(seed, "x").run(x, 1 + static_cast<int>(seed % 20));
        RandomEditor(seed * 7919u, "y").run(y, 1 + static_cast<int>((seed * 3) % 20));
        REQUIRE(readDocument(writeDocument(x)).ok());
        REQUIRE(readDocument(writeDocument(y)).ok());

        auto result = mergeDocuments(base, x, y);
        INFO((result.problems.empty() ? std::string() : result.problems.front().toString()));
        REQUIRE(result.document); // always a valid map, conflicts or not
        conflictsSeen += result.conflicts.size();
        checkKeepsEdits(base, x, y, *result.document);
        checkKeepsEdits(base, y, x, *result.document);
        // The file written holds exactly the conflicts listed.
        CHECK(listConflicts(mustRead(writeDocument(*result.document))) == result.conflicts);

        // Settling every conflict as "keep ours" leaves a map without markers.
        Document settled = *result.document;
        for (auto conflicts = listConflicts(settled); !conflicts.empty(); conflicts = listConflicts(settled)) {
            auto r = resolveConflict(settled, conflicts.front(), Resolution::KeepOurs);
            INFO(conflicts.front().description << ": " << r.error);
            REQUIRE(r.edit);
            REQUIRE(r.edit->apply(settled));
        }
        CHECK(writeDocument(settled).find(kConflictKey) == std::string::npos);
    }
    CHECK(conflictsSeen > 0); // the seeds do reach conflicts
}
