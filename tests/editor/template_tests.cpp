// Templates: the built-in ones in every UI language read and validate, the
// user's folder is offered too (broken files left out), a new map from a
// template opens unsaved, and a future-state copy keeps the ids.
#include <catch2/catch.hpp>

#include <QApplication>
#include <QCheckBox>
#include <QCommandLinkButton>
#include <QDir>
#include <QFile>
#include <QListWidget>
#include <QTemporaryDir>

#include "cjm/diff.hpp"
#include "cjm/document_io.hpp"
#include "cjm/file_io.hpp"
#include "document_controller.hpp"
#include "main_window.hpp"
#include "map_templates.hpp"
#include "qt_text.hpp"
#include "start_dialog.hpp"
#include "template_dialog.hpp"

using namespace cjm;

namespace {
const QStringList kBuiltIn = {
    QStringLiteral("blank"),         QStringLiteral("ecommerce"),    QStringLiteral("marketing-funnel"),
    QStringLiteral("retail-store"),  QStringLiteral("b2b-saas"),     QStringLiteral("service-support"),
    QStringLiteral("current-state"), QStringLiteral("future-state"), QStringLiteral("day-in-the-life")};

bool hasChinese(const QString &text)
{
    for (QChar c : text)
        if (c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff)
            return true;
    return false;
}
} // namespace

TEST_CASE("every built-in template reads, in English, Simplified and Traditional Chinese", "[templates]")
{
    QTemporaryDir noUserTemplates;
    for (UiLanguage language : {UiLanguage::English, UiLanguage::SimplifiedChinese, UiLanguage::TraditionalChinese}) {
        INFO(languageCode(language).toStdString());
        const auto templates = availableTemplates(language, noUserTemplates.path());
        QStringList names;
        for (const MapTemplate &t : templates) {
            names << t.name;
            CHECK(t.path.startsWith(QStringLiteral(":/templates/") + languageCode(language) + QLatin1Char('/')));
            CHECK_FALSE(t.title.isEmpty());
            CHECK(t.stages >= 3);
            CHECK(hasChinese(t.title) == (language != UiLanguage::English));
            auto doc = documentFromTemplate(t.path);
            REQUIRE(doc);
            // What a template makes saves and reads back as a valid map.
            auto reread = readDocument(writeDocument(*doc));
            CHECK(reread.ok());
            if (t.name != QStringLiteral("blank"))
                CHECK(t.cards >= 8);
        }
        for (const QString &name : kBuiltIn)
            CHECK(names.contains(name));
        CHECK(names.front() == QStringLiteral("blank"));
    }
    // The retail template has the before / during / after phases.
    auto retail = documentFromTemplate(QStringLiteral(":/templates/zh_TW/retail-store.cjm"));
    REQUIRE(retail);
    bool before = false, during = false, after = false;
    for (const Stage &stage : retail->stages()) {
        before = before || stage.phase == Phase::Before;
        during = during || stage.phase == Phase::During;
        after = after || stage.phase == Phase::After;
    }
    CHECK((before && during && after));
    CHECK(documentFromTemplate(QStringLiteral(":/templates/en/future-state.cjm"))->journey().type == MapType::Future);
    CHECK(documentFromTemplate(QStringLiteral(":/templates/en/day-in-the-life.cjm"))->journey().type ==
          MapType::DayInLife);
}

TEST_CASE("maps in the user's templates folder are offered; broken ones are left out", "[templates]")
{
    QTemporaryDir folder;
    QFile::copy(QStringLiteral(CJM_SAMPLES_DIR "/retail-zh.cjm"), folder.filePath(QStringLiteral("our-store.cjm")));
    QFile broken(folder.filePath(QStringLiteral("half.cjm")));
    REQUIRE(broken.open(QIODevice::WriteOnly));
    broken.write("{\"format\": \"cjm\", ");
    broken.close();
    const auto templates = availableTemplates(UiLanguage::English, folder.path());
    int user = 0;
    for (const MapTemplate &t : templates)
        if (t.user) {
            ++user;
            CHECK(t.name == QStringLiteral("our-store"));
            CHECK(hasChinese(t.title));
        }
    CHECK(user == 1);

    TemplateDialog dialog(templates);
    CHECK(dialog.list()->count() == static_cast<int>(templates.size()));
    dialog.list()->setCurrentRow(dialog.list()->count() - 1);
    REQUIRE(dialog.chosen());
    CHECK(dialog.chosen()->user);
}

TEST_CASE("a new map from a template opens unsaved, here when this window is untouched", "[templates]")
{
    MainWindow window;
    MainWindow *opened = window.newFromTemplateFile(QStringLiteral(":/templates/en/retail-store.cjm"));
    REQUIRE(opened == &window);
    CHECK(window.controller()->filePath().isEmpty());
    CHECK(window.controller()->isModified()); // closing asks to save
    CHECK(window.controller()->document().journey().created.has_value());
    const auto created = *window.controller()->document().journey().created;
    CHECK(created.size() == 20); // YYYY-MM-DDThh:mm:ssZ
    CHECK(created.back() == 'Z');

    // Not untouched any more: the next one gets a window of its own.
    MainWindow *second = window.newFromTemplateFile(QStringLiteral(":/templates/en/ecommerce.cjm"));
    REQUIRE(second);
    CHECK(second != &window);
    second->controller()->undoStack()->setClean();
    second->close();
    window.controller()->undoStack()->setClean();
}

TEST_CASE("a future-state copy is the same map as a future state, ids kept for Compare With", "[templates]")
{
    MainWindow window;
    REQUIRE(window.loadFile(QStringLiteral(CJM_SAMPLES_DIR "/ecommerce-en.cjm")));
    MainWindow *copy = window.createFutureStateCopy();
    REQUIRE(copy);
    CHECK(copy != &window);
    const Document &future = copy->controller()->document();
    CHECK(future.journey().type == MapType::Future);
    CHECK(future.journey().title == window.controller()->document().journey().title + " (future state)");
    CHECK(copy->controller()->filePath().isEmpty());
    CHECK(copy->controller()->isModified());
    // Only the journey differs: every card lines up by id.
    for (const Change &change : diffDocuments(window.controller()->document(), future))
        CHECK(change.entity == DiffEntity::Journey);
    copy->controller()->undoStack()->setClean();
    copy->close();
}

TEST_CASE("the start screen offers the wizard, a template, a blank map, Open and the recent maps", "[templates][start]")
{
    const QStringList recent = {QStringLiteral("/maps/store.cjm"), QStringLiteral("/maps/b2b.cjm")};
    StartDialog::setShowAtStartup(true);
    {
        StartDialog dialog(recent);
        CHECK(dialog.recentList()->count() == 2);
        CHECK(dialog.recentList()->item(0)->text() == QStringLiteral("store.cjm"));
        auto *wizard = dialog.findChild<QCommandLinkButton *>(QStringLiteral("startWizard"));
        REQUIRE(wizard);
        wizard->click();
        CHECK(dialog.result() == QDialog::Accepted);
        CHECK(dialog.choice() == StartDialog::Choice::Wizard);
    }
    {
        StartDialog dialog(recent);
        emit dialog.recentList()->itemActivated(dialog.recentList()->item(1));
        CHECK(dialog.choice() == StartDialog::Choice::Recent);
        CHECK(dialog.recentFile() == QStringLiteral("/maps/b2b.cjm"));
        for (const char *name : {"startTemplate", "startBlank", "startOpen"})
            CHECK(dialog.findChild<QCommandLinkButton *>(QLatin1String(name)));
        // "Show at startup" is remembered.
        auto *show = dialog.findChild<QCheckBox *>();
        REQUIRE(show);
        CHECK(show->isChecked());
        show->setChecked(false);
        CHECK_FALSE(StartDialog::showAtStartup());
    }
    StartDialog::setShowAtStartup(true);
}
