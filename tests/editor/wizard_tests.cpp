// The setup wizard and the touchpoint library it offers.
#include <catch2/catch.hpp>

#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <algorithm>
#include <set>

#include "cjm/document_io.hpp"
#include "cjm/touchpoint_library.hpp"
#include "map_templates.hpp"
#include "new_map.hpp"
#include "qt_text.hpp"
#include "setup_wizard.hpp"
#include "translations.hpp"

using namespace cjm;

TEST_CASE("the touchpoint library covers before, during and after purchase in three languages", "[wizard]")
{
    const auto &library = touchpointLibrary();
    REQUIRE(library.size() >= 29);
    std::set<std::string_view> ids;
    int before = 0, during = 0, after = 0;
    for (const LibraryTouchpoint &t : library) {
        INFO(t.id);
        CHECK(ids.insert(t.id).second);
        CHECK(std::find(kKnownChannels.begin(), kKnownChannels.end(), t.channel) != kKnownChannels.end());
        for (const auto &name : t.names)
            CHECK_FALSE(name.empty());
        CHECK(t.names[1] != t.names[0]);
        before += t.group == Phase::Before;
        during += t.group == Phase::During;
        after += t.group == Phase::After;
    }
    CHECK(before >= 12);
    CHECK(during >= 6);
    CHECK(after >= 11);
    for (std::string_view id : {"website", "ivr", "word-of-mouth", "pos", "thank-you", "surveys", "hotline"})
        CHECK(ids.count(id));
}

TEST_CASE("the wizard builds the map its answers describe", "[wizard]")
{
    QTemporaryDir noUserTemplates;
    const auto templates = availableTemplates(UiLanguage::English, noUserTemplates.path());
    SetupWizard wizard(templates, UiLanguage::English);
    wizard.titleEdit()->setText(QStringLiteral("Corner shop, first visit"));
    wizard.goalEdit()->setText(QStringLiteral("Bring first-time visitors back"));
    wizard.segmentEdit()->setText(QStringLiteral("Neighbours"));
    wizard.personasEdit()->setPlainText(QStringLiteral("Busy parent\n\n  Student  \n"));
    int retail = -1;
    for (int i = 0; i < static_cast<int>(templates.size()); ++i)
        if (templates[static_cast<std::size_t>(i)].name == QStringLiteral("retail-store"))
            retail = i;
    REQUIRE(retail >= 0);
    wizard.templateCombo()->setCurrentIndex(retail);
    auto retailMap = documentFromTemplate(templates[static_cast<std::size_t>(retail)].path);
    REQUIRE(retailMap);
    CHECK(wizard.stagesEdit()->toPlainText().split(QLatin1Char('\n')).size() ==
          static_cast<int>(retailMap->stages().size()));

    wizard.refreshTouchpoints();
    CHECK(wizard.touchpointTree()->topLevelItemCount() == static_cast<int>(retailMap->stages().size()));
    REQUIRE(wizard.setTouchpointChecked(0, "website", true));
    REQUIRE(wizard.setTouchpointChecked(0, "word-of-mouth", true));
    REQUIRE(wizard.setTouchpointChecked(2, "pos", true));
    CHECK_FALSE(wizard.setTouchpointChecked(0, "no-such-touchpoint", true));

    const Document map = wizard.result();
    CHECK(map.journey().title == "Corner shop, first visit");
    CHECK(map.journey().goal == "Bring first-time visitors back");
    CHECK(map.journey().segment == "Neighbours");
    REQUIRE(map.personas().size() == 2);
    CHECK(map.personas()[1].name == "Student");
    REQUIRE(map.stages().size() == retailMap->stages().size());
    for (std::size_t i = 0; i < map.stages().size(); ++i) {
        CHECK(map.stages()[i].name == retailMap->stages()[i].name);
        CHECK(map.stages()[i].phase == retailMap->stages()[i].phase);
    }
    REQUIRE(map.cards().size() == 6); // three touchpoints for each of two personas
    for (const Card &card : map.cards()) {
        CHECK(map.cardKind(card) == LaneKind::Touchpoints);
        CHECK(card.tags.size() == 1);
    }
    const Card *mouth = nullptr;
    for (const Card &card : map.cards())
        if (card.text == "Word of mouth")
            mouth = &card;
    REQUIRE(mouth);
    CHECK(mouth->channel == "wordOfMouth");
    CHECK_FALSE(mouth->direct);
    CHECK(mouth->tags == std::vector<std::string>{"thirdParty"});
    CHECK(mouth->stage == map.stages()[0].id);
    // What the wizard makes is a valid map.
    auto reread = readDocument(writeDocument(map));
    REQUIRE(reread.ok());
    CHECK(*reread.document == map);
}

TEST_CASE("the wizard keeps hand-edited stages and ticks across changes, and speaks the UI language", "[wizard]")
{
    QTemporaryDir noUserTemplates;
    const auto templates = availableTemplates(UiLanguage::TraditionalChinese, noUserTemplates.path());
    SetupWizard wizard(templates, UiLanguage::TraditionalChinese);
    wizard.stagesEdit()->setPlainText(QStringLiteral("認識品牌\n到店\n結帳"));
    wizard.templateCombo()->setCurrentIndex(std::min(2, wizard.templateCombo()->count() - 1));
    CHECK(wizard.stagesEdit()->toPlainText() == QStringLiteral("認識品牌\n到店\n結帳")); // hand edits win
    wizard.refreshTouchpoints();
    REQUIRE(wizard.setTouchpointChecked(1, "staff", true));
    wizard.refreshTouchpoints(); // going back and forth keeps the ticks
    wizard.titleEdit()->setText(QStringLiteral("門市旅程"));
    wizard.personasEdit()->setPlainText(QStringLiteral("上班族"));
    const Document map = wizard.result();
    REQUIRE(map.cards().size() == 1);
    CHECK(map.cards()[0].text == "店員服務");
    CHECK(map.cards()[0].stage == map.stages()[1].id);
}

TEST_CASE("the wizard offers each stage its own phase's touchpoints first, and counts what a closed group holds",
          "[wizard]")
{
    QTemporaryDir noUserTemplates;
    const auto templates = availableTemplates(UiLanguage::English, noUserTemplates.path());
    SetupWizard wizard(templates, UiLanguage::English);
    int retail = -1;
    for (int i = 0; i < static_cast<int>(templates.size()); ++i)
        if (templates[static_cast<std::size_t>(i)].name == QStringLiteral("retail-store"))
            retail = i;
    REQUIRE(retail >= 0);
    wizard.templateCombo()->setCurrentIndex(retail);
    const auto retailMap = documentFromTemplate(templates[static_cast<std::size_t>(retail)].path);
    REQUIRE(retailMap);
    wizard.refreshTouchpoints();
    QTreeWidget *tree = wizard.touchpointTree();
    REQUIRE(tree->topLevelItemCount() == static_cast<int>(retailMap->stages().size()));

    const auto groupSize = [](Phase phase) {
        int n = 0;
        for (const LibraryTouchpoint &touchpoint : touchpointLibrary())
            n += touchpoint.group == phase ? 1 : 0;
        return n;
    };
    const QString phaseNames[] = {QString(), QStringLiteral("Before purchase"), QStringLiteral("During purchase"),
                                  QStringLiteral("After purchase")};
    bool sawEachPhase[4] = {};
    for (int s = 0; s < tree->topLevelItemCount(); ++s) {
        const Phase own = retailMap->stages()[static_cast<std::size_t>(s)].phase;
        REQUIRE(own != Phase::None);
        sawEachPhase[static_cast<int>(own)] = true;
        QTreeWidgetItem *stage = tree->topLevelItem(s);
        REQUIRE(stage->childCount() == 3);
        // Its own phase first and open; the other two closed, with counts.
        CHECK(stage->child(0)->text(0).startsWith(phaseNames[static_cast<int>(own)]));
        CHECK(stage->child(0)->isExpanded());
        for (int g = 1; g < 3; ++g) {
            CHECK_FALSE(stage->child(g)->isExpanded());
            CHECK_FALSE(stage->child(g)->text(0).startsWith(phaseNames[static_cast<int>(own)]));
        }
        for (int g = 0; g < 3; ++g) {
            QTreeWidgetItem *group = stage->child(g);
            const Phase phase = group->text(0).startsWith(phaseNames[1])   ? Phase::Before
                                : group->text(0).startsWith(phaseNames[2]) ? Phase::During
                                                                           : Phase::After;
            CHECK(group->childCount() == groupSize(phase));
            CHECK(group->text(0).contains(QStringLiteral("(%1 touchpoint").arg(groupSize(phase))));
        }
    }
    CHECK((sawEachPhase[1] && sawEachPhase[2] && sawEachPhase[3]));

    // Ticking one says so in its group's title.
    QTreeWidgetItem *first = tree->topLevelItem(0)->child(0);
    first->child(0)->setCheckState(0, Qt::Checked);
    CHECK(first->text(0).contains(QStringLiteral("(1 of %1 ticked)").arg(first->childCount())));
}

TEST_CASE("a map from the wizard or a blank new map says which language its words are in", "[wizard]")
{
    QTemporaryDir noUserTemplates;
    const std::pair<UiLanguage, std::string> cases[] = {{UiLanguage::English, "en"},
                                                        {UiLanguage::SimplifiedChinese, "zh-CN"},
                                                        {UiLanguage::TraditionalChinese, "zh-TW"}};
    for (const auto &[language, tag] : cases) {
        SetupWizard wizard(availableTemplates(language, noUserTemplates.path()), language);
        wizard.personasEdit()->setPlainText(QStringLiteral("P"));
        const Document map = wizard.result();
        REQUIRE(map.journey().language);
        CHECK(*map.journey().language == tag);
    }
    // A blank map is named in the UI language installed now (English in tests).
    const Document blank = newDefaultMap();
    REQUIRE(blank.journey().language);
    CHECK(*blank.journey().language == mapLanguageTag(currentLanguage()));
}
