// The map's own language (src/render/map_language.hpp): the words the
// program draws on a map follow the journey's `language`, whatever the UI's.

#include <QCoreApplication>
#include <QTranslator>
#include <catch2/catch.hpp>
#include <thread>

#include "map_language.hpp"
#include "map_style.hpp"

using namespace cjm;

namespace {

Document mapInLanguage(const std::string &tag)
{
    Journey journey;
    journey.id = "j";
    journey.title = "t";
    if (!tag.empty())
        journey.unknown = Json{{"language", tag}}; // read as the field once the model has it (map_language.cpp)
    return Document::fromParts(journey, {}, {}, {}, {});
}

// A UI translator as the editor installs one, for the length of a test.
class UiLanguage {
public:
    explicit UiLanguage(const QString &code)
    {
        REQUIRE(m_translator.load(QStringLiteral("cjm_") + code, QStringLiteral(":/map-i18n")));
        QCoreApplication::installTranslator(&m_translator);
    }
    ~UiLanguage() { QCoreApplication::removeTranslator(&m_translator); }

private:
    QTranslator m_translator;
};

} // namespace

TEST_CASE("A map's words follow its language, not the UI's", "[language]")
{
    {
        const MapLanguageScope scope(mapInLanguage("zh-TW"));
        CHECK(phaseDisplayName(Phase::Before) == QStringLiteral("購買前"));
        CHECK(channelDisplayName("advertising") != QStringLiteral("Advertising"));
    }
    // Out of the scope the UI's language (English here) is back.
    CHECK(phaseDisplayName(Phase::Before) == QStringLiteral("Before purchase"));

    const UiLanguage ui(QStringLiteral("zh_CN"));
    CHECK(phaseDisplayName(Phase::Before) == QStringLiteral("购买前"));
    {
        const MapLanguageScope scope(mapInLanguage("en"));
        CHECK(phaseDisplayName(Phase::Before) == QStringLiteral("Before purchase"));
        CHECK(laneKindDisplayName(LaneKind::PainPoints) == QStringLiteral("Pain points"));
        CHECK(channelDisplayName("advertising") == QStringLiteral("Advertising"));
        // Only the map's contexts: the rest of the UI stays in its language.
        CHECK(QCoreApplication::translate("MapText", "Before purchase") == QStringLiteral("Before purchase"));
    }
    {
        const MapLanguageScope scope(mapInLanguage("zh-Hant"));
        CHECK(phaseDisplayName(Phase::Before) == QStringLiteral("購買前"));
    }
    {
        // No language in the map: the UI's.
        const MapLanguageScope scope(mapInLanguage(""));
        CHECK(phaseDisplayName(Phase::Before) == QStringLiteral("购买前"));
    }
}

TEST_CASE("Each thread paints in its own map's language", "[language]")
{
    QString worker;
    const MapLanguageScope english(mapInLanguage("en"));
    std::thread thread([&worker] {
        const MapLanguageScope chinese(mapInLanguage("zh-TW"));
        worker = phaseDisplayName(Phase::After);
    });
    thread.join();
    CHECK_FALSE(worker.isEmpty());
    CHECK(worker != QStringLiteral("After purchase"));
    CHECK(phaseDisplayName(Phase::After) == QStringLiteral("After purchase"));
}
