#include "cjm/sheet_update.hpp"

#include <tuple>
#include <unordered_map>

namespace cjm {

namespace {

class Planner {
public:
    Planner(const Document &map, const Document &sheet, const SheetContents &contents)
        : m_map(map), m_sheet(sheet), m_contents(contents)
    {
    }

    SheetUpdatePlan run(bool deleteMissing)
    {
        SheetUpdatePlan plan;
        std::vector<EditPtr> cardEdits;
        std::vector<Card> added;
        std::set<std::string> named;
        for (const Card &row : m_sheet.cards()) {
            named.insert(row.id);
            const Card *card = m_map.card(row.id);
            if (!card) {
                added.push_back(placed(row));
                continue;
            }
            const std::size_t before = cardEdits.size();
            updateFields(*card, row, cardEdits);
            if (m_contents.cardFields.count("cell") || m_contents.cardFields.count("order")) {
                const Card target = placed(row);
                const bool cell = m_contents.cardFields.count("cell") > 0;
                const std::string &persona = cell ? target.persona : card->persona;
                const std::string &stage = cell ? target.stage : card->stage;
                const std::string &lane = cell ? target.lane : card->lane;
                const std::int64_t order = m_contents.cardFields.count("order") ? row.order : card->order;
                if (persona != card->persona || stage != card->stage || lane != card->lane || order != card->order)
                    cardEdits.push_back(moveCard(card->id, persona, stage, lane, order));
            }
            if (cardEdits.size() > before)
                ++plan.changedCards;
        }
        for (const Card &card : m_map.cards()) {
            if (named.count(card.id))
                continue;
            plan.missingCards.push_back(card.id);
            if (deleteMissing) {
                cardEdits.push_back(removeCard(card.id));
                ++plan.removedCards;
            }
        }
        std::vector<EditPtr> edits = std::move(m_structure);
        for (auto &edit : cardEdits)
            edits.push_back(std::move(edit));
        plan.addedCards = added.size();
        for (auto &card : added)
            edits.push_back(addCard(std::move(card)));
        if (edits.empty())
            return plan;
        plan.edit = compound(std::move(edits), "update from spreadsheet");
        Document updated = m_map;
        if (!plan.edit->apply(updated)) {
            plan.edit.reset();
            plan.error = "the sheet's changes together make a map that is not valid (an emotion card without a "
                         "score, say); nothing was changed";
            return plan;
        }
        plan.changes = diffDocuments(m_map, updated);
        plan.edit->revert(updated);
        return plan;
    }

private:
    template <typename Value>
    void updateField(const Card &card, const Card &row, const EntityField<Card, Value> &field,
                     std::vector<EditPtr> &edits)
    {
        const std::string name(field.name);
        if (!m_contents.cardFields.count(name))
            return;
        Value value = row.*field.member;
        // What of the audit and the metric a CSV has no column for stays.
        if constexpr (std::is_same_v<Value, std::optional<Audit>> || std::is_same_v<Value, std::optional<Metric>>) {
            const auto &old = card.*field.member;
            if (!m_contents.nestedUnknown && old && !old->unknown.is_null() && !old->unknown.empty()) {
                if (!value)
                    value.emplace();
                value->unknown = old->unknown;
            }
        }
        if (value == card.*field.member)
            return;
        edits.push_back(setField(field, card.id, std::move(value)));
    }

    void updateFields(const Card &card, const Card &row, std::vector<EditPtr> &edits)
    {
        std::apply([&](const auto &...field) { (updateField(card, row, field, edits), ...); }, fields::card::all);
    }

    // The row's card with the map's persona, stage and lane.
    Card placed(const Card &row)
    {
        Card card = row;
        card.persona = personaFor(row.persona);
        card.stage = stageFor(row.stage);
        card.lane = laneFor(row.lane);
        if (!m_contents.cardFields.count("image"))
            card.image.reset();
        return card;
    }

    // A new entity keeps the sheet's id when the map does not use it.
    template <typename Entity>
    Entity fresh(const Entity &entity, std::string_view prefix)
    {
        Entity copy = entity;
        if (m_map.contains(copy.id) || m_newIds.count(copy.id)) {
            for (int n = 1;; ++n) {
                copy.id = std::string(prefix) + "-" + std::to_string(n);
                if (!m_map.contains(copy.id) && !m_newIds.count(copy.id) && !m_sheet.contains(copy.id))
                    break;
            }
        }
        m_newIds.insert(copy.id);
        return copy;
    }

    std::string personaFor(const std::string &sheetId)
    {
        if (auto it = m_personas.find(sheetId); it != m_personas.end())
            return it->second;
        const Persona *p = m_sheet.persona(sheetId);
        std::string id;
        if (m_map.persona(sheetId) || !p) {
            id = sheetId;
        } else {
            for (const auto &mine : m_map.personas())
                if (mine.name == p->name && id.empty())
                    id = mine.id;
            if (id.empty()) {
                Persona added = fresh(*p, "persona");
                added.avatar.reset();
                id = added.id;
                m_structure.push_back(addPersona(std::move(added)));
            }
        }
        return m_personas[sheetId] = id;
    }

    std::string stageFor(const std::string &sheetId)
    {
        if (auto it = m_stages.find(sheetId); it != m_stages.end())
            return it->second;
        const Stage *s = m_sheet.stage(sheetId);
        std::string id;
        if (m_map.stage(sheetId) || !s) {
            id = sheetId;
        } else {
            for (const auto &mine : m_map.stages())
                if (mine.name == s->name && id.empty())
                    id = mine.id;
            if (id.empty()) {
                Stage added = fresh(*s, "stage");
                id = added.id;
                m_structure.push_back(addStage(std::move(added)));
            }
        }
        return m_stages[sheetId] = id;
    }

    std::string laneFor(const std::string &sheetId)
    {
        if (auto it = m_lanes.find(sheetId); it != m_lanes.end())
            return it->second;
        const Lane *l = m_sheet.lane(sheetId);
        std::string id;
        if (m_map.lane(sheetId) || !l) {
            id = sheetId;
        } else {
            for (const auto &mine : m_map.lanes())
                if (mine.title == l->title && mine.kindName == l->kindName && id.empty())
                    id = mine.id;
            if (id.empty()) {
                Lane added = fresh(*l, "lane");
                id = added.id;
                m_structure.push_back(addLane(std::move(added)));
            }
        }
        return m_lanes[sheetId] = id;
    }

    const Document &m_map;
    const Document &m_sheet;
    const SheetContents &m_contents;
    std::vector<EditPtr> m_structure; // personas, stages and lanes the sheet adds
    std::unordered_map<std::string, std::string> m_personas, m_stages, m_lanes; // sheet id -> map id
    std::set<std::string> m_newIds;
};

} // namespace

SheetUpdatePlan planSheetUpdate(const Document &map, const Document &sheet, const SheetContents &contents,
                                bool deleteMissing)
{
    return Planner(map, sheet, contents).run(deleteMissing);
}

} // namespace cjm
