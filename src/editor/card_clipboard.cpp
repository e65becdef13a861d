#include "card_clipboard.hpp"

#include <algorithm>

#include "cjm/document_io.hpp"
#include "qt_text.hpp"

namespace cjm {

std::unique_ptr<QMimeData> cardsToMime(const Document &document, const std::vector<std::string> &cardIds)
{
    std::vector<Card> cards;
    std::vector<Persona> personas;
    std::vector<Stage> stages;
    std::vector<Lane> lanes;
    auto once = [](auto &list, const auto *entity) {
        if (entity && std::none_of(list.begin(), list.end(), [&](const auto &e) { return e.id == entity->id; }))
            list.push_back(*entity);
    };
    QStringList text;
    for (const std::string &id : cardIds) {
        const Card *card = document.card(id);
        if (!card)
            continue;
        cards.push_back(*card);
        once(personas, document.persona(card->persona));
        once(stages, document.stage(card->stage));
        once(lanes, document.lane(card->lane));
        text << toQString(card->text);
    }
    Journey journey;
    journey.id = "clipboard";
    const Document clip = Document::fromParts(journey, personas, stages, lanes, cards);
    auto mime = std::make_unique<QMimeData>();
    const std::string bytes = writeDocument(clip);
    mime->setData(QLatin1String(kCardsMimeType), QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size())));
    mime->setText(text.join(QLatin1Char('\n')));
    return mime;
}

std::optional<Document> cardsFromMime(const QMimeData *mime)
{
    if (!mime || !mime->hasFormat(QLatin1String(kCardsMimeType)))
        return std::nullopt;
    const QByteArray bytes = mime->data(QLatin1String(kCardsMimeType));
    auto result = readDocument(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    if (!result.ok())
        return std::nullopt;
    return std::move(*result.document);
}

namespace {
template <typename T>
const T *findByIdOrName(const std::vector<T> &list, const T *wanted)
{
    if (!wanted)
        return nullptr;
    for (const T &e : list)
        if (e.id == wanted->id)
            return &e;
    for (const T &e : list)
        if (e.name == wanted->name)
            return &e;
    return nullptr;
}
} // namespace

PastePlan planPaste(const Document &target, const Document &clip, const std::optional<std::string> &anchorCardId)
{
    PastePlan plan;
    if (target.personas().empty() || target.stages().empty())
        return plan;
    const Card *anchor = anchorCardId ? target.card(*anchorCardId) : nullptr;
    for (const Card &source : clip.cards()) {
        const LaneKind kind = clip.cardKind(source);
        Card card = source;
        card.id = target.newId("card");
        while (std::find(plan.newCardIds.begin(), plan.newCardIds.end(), card.id) != plan.newCardIds.end())
            card.id = target.newId("card");
        card.comments.clear(); // a copy starts its own conversation
        // Persona and stage: the anchor's, else the same by id or name, else the first.
        if (anchor) {
            card.persona = anchor->persona;
            card.stage = anchor->stage;
        } else {
            const Persona *p = findByIdOrName(target.personas(), clip.persona(source.persona));
            const Stage *s = findByIdOrName(target.stages(), clip.stage(source.stage));
            card.persona = p ? p->id : target.personas().front().id;
            card.stage = s ? s->id : target.stages().front().id;
        }
        // Lane: the anchor's if it is of the card's kind, else the same lane,
        // else the first of that kind (shown if hidden), else a new one.
        std::string laneId;
        if (anchor && target.cardKind(*anchor) == kind)
            laneId = anchor->lane;
        if (laneId.empty())
            if (const Lane *same = target.lane(source.lane); same && effectiveKind(same->kind) == kind)
                laneId = same->id;
        if (laneId.empty())
            for (const Lane &lane : target.lanes())
                if (effectiveKind(lane.kind) == kind) {
                    laneId = lane.id;
                    if (lane.hidden &&
                        std::find(plan.shownLanes.begin(), plan.shownLanes.end(), lane.id) == plan.shownLanes.end())
                        plan.shownLanes.push_back(lane.id);
                    break;
                }
        if (laneId.empty()) {
            for (const Lane &lane : plan.newLanes)
                if (lane.kind == kind)
                    laneId = lane.id;
            if (laneId.empty()) {
                Lane lane = Lane::make(target.newId(std::string("lane-") + std::string(toString(kind))), kind);
                laneId = lane.id;
                plan.newLanes.push_back(std::move(lane));
            }
        }
        card.lane = laneId;
        plan.newCardIds.push_back(card.id);
        plan.cards.push_back(std::move(card));
    }
    return plan;
}

} // namespace cjm
