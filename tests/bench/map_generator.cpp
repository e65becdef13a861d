#include "map_generator.hpp"

#include <array>
#include <string>
#include <string_view>

namespace cjm::bench {

namespace {
class Random {
public:
    explicit Random(unsigned seed) : m_state(0x9E3779B97F4A7C15ull ^ seed) {}
    std::uint64_t next()
    {
        m_state ^= m_state << 13;
        m_state ^= m_state >> 7;
        m_state ^= m_state << 17;
        return m_state;
    }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
    bool chance(int percent) { return below(100) < static_cast<std::size_t>(percent); }

private:
    std::uint64_t m_state;
};

constexpr std::array<std::string_view, 12> kEnglish = {
    "Sees an Instagram ad for the spring range",
    "Compares prices on two sites",
    "Reads reviews before deciding",
    "Asks a friend who bought one",
    "Checkout asks for an account first",
    "Delivery slot too late in the week",
    "Unboxing video shared with friends",
    "Calls the hotline about the invoice",
    "Loyalty points are hard to find",
    "Store staff explain the warranty",
    "Follow-up email with care tips",
    "Survey after the first month",
};
constexpr std::array<std::string_view, 12> kChinese = {
    "在小红书看到新品推荐", "比较两个平台的价格",   "下单前查看用户评价",     "询问已购买的朋友意见",
    "结账时必须先注册账号", "配送时间太晚",         "开箱视频分享给朋友",     "致电客服咨询发票问题",
    "积分规则不清楚",       "门店店员讲解保修政策", "收到保养建议的跟进邮件", "使用一个月后的满意度调查",
};
constexpr std::array<std::string_view, 10> kStageNames = {
    "Awareness", "认知", "Consideration", "考虑", "Purchase", "购买", "Adoption", "使用", "Advocacy", "推荐",
};
constexpr std::array<std::string_view, 8> kChannels = {
    "website", "mobileApp", "email", "socialMedia", "store", "phone", "reviews", "wordOfMouth",
};
} // namespace

MapShape shapeFor(std::size_t cards)
{
    MapShape shape;
    shape.cards = cards;
    shape.personas = cards <= 1000 ? 3 : cards <= 10000 ? 6 : 12;
    return shape;
}

Document generateMap(const MapShape &shape, unsigned seed)
{
    Random random(seed);
    Journey journey;
    journey.id = "journey";
    journey.title = "Benchmark map 基准旅程图 (" + std::to_string(shape.cards) + " cards)";
    journey.goal = "Measure the editor at scale";
    journey.segment = "Everyone";

    std::vector<Persona> personas;
    for (std::size_t p = 0; p < shape.personas; ++p) {
        Persona persona;
        persona.id = "persona-" + std::to_string(p);
        persona.name = (p % 2 ? "用户画像 " : "Persona ") + std::to_string(p + 1);
        persona.description = "Generated persona";
        personas.push_back(std::move(persona));
    }
    std::vector<Stage> stages;
    for (std::size_t s = 0; s < shape.stages; ++s) {
        Stage stage;
        stage.id = "stage-" + std::to_string(s);
        stage.name =
            std::string(kStageNames[s % kStageNames.size()]) + " " + std::to_string(s / kStageNames.size() + 1);
        stage.phase = s * 3 < shape.stages ? Phase::Before : s * 3 < shape.stages * 2 ? Phase::During : Phase::After;
        stages.push_back(std::move(stage));
    }
    std::vector<Lane> lanes;
    for (LaneKind kind : kKnownLaneKinds)
        lanes.push_back(Lane::make("lane-" + std::string(toString(kind)), kind));

    // Cards go round-robin over the cells, so every cell of every persona
    // gets its share; emotion cells get one card each at most (a curve).
    std::vector<Card> cards;
    cards.reserve(shape.cards);
    const std::size_t cells = shape.personas * shape.stages * lanes.size();
    std::vector<std::int64_t> nextOrder(cells, 0);
    std::size_t cell = 0;
    while (cards.size() < shape.cards) {
        const std::size_t laneIndex = cell % lanes.size();
        const std::size_t stageIndex = (cell / lanes.size()) % shape.stages;
        const std::size_t personaIndex = (cell / lanes.size() / shape.stages) % shape.personas;
        cell = (cell + 1) % cells;
        const Lane &lane = lanes[laneIndex];
        const std::size_t slot = (personaIndex * shape.stages + stageIndex) * lanes.size() + laneIndex;
        if (lane.kind == LaneKind::Emotions && nextOrder[slot] > 0)
            continue;
        Card card;
        card.id = "card-" + std::to_string(cards.size());
        card.persona = personas[personaIndex].id;
        card.stage = stages[stageIndex].id;
        card.lane = lane.id;
        card.order = nextOrder[slot]++;
        const bool chinese = random.chance(50);
        card.text =
            std::string(chinese ? kChinese[random.below(kChinese.size())] : kEnglish[random.below(kEnglish.size())]);
        if (random.chance(30))
            card.notes = "Seen in interviews, round " + std::to_string(random.below(5) + 1);
        if (random.chance(20))
            card.tags = {"q" + std::to_string(random.below(4) + 1), chinese ? "线上" : "online"};
        switch (lane.kind) {
        case LaneKind::Emotions: card.score = static_cast<int>(random.below(7)) - 3; break;
        case LaneKind::Touchpoints: {
            card.channel = std::string(kChannels[random.below(kChannels.size())]);
            card.direct = random.chance(70);
            if (random.chance(50)) {
                Audit audit;
                audit.simple = static_cast<int>(random.below(6));
                audit.appropriate = static_cast<int>(random.below(6));
                audit.relevant = static_cast<int>(random.below(6));
                audit.meaningful = static_cast<int>(random.below(6));
                audit.engaging = static_cast<int>(random.below(6));
                audit.personal = static_cast<int>(random.below(6));
                card.audit = audit;
            }
            break;
        }
        case LaneKind::PainPoints:
        case LaneKind::Barriers: card.severity = static_cast<int>(random.below(3)) + 1; break;
        case LaneKind::Opportunities:
            card.impact = static_cast<int>(random.below(3)) + 1;
            card.status = static_cast<OpportunityStatus>(random.below(4));
            break;
        case LaneKind::Kpis: {
            Metric metric;
            metric.value = static_cast<double>(random.below(100));
            metric.target = 80;
            metric.unit = "%";
            card.metric = metric;
            break;
        }
        default: break;
        }
        if (random.chance(5))
            card.color = "#fde68a";
        cards.push_back(std::move(card));
    }
    return Document::fromParts(std::move(journey), std::move(personas), std::move(stages), std::move(lanes),
                               std::move(cards), std::string("cjm-bench"));
}

} // namespace cjm::bench
