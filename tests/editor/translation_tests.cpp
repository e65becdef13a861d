// The UI translations: every .ts entry is translated, the right language is
// picked from the locale or the setting, and loading one changes the menus.

#include <catch2/catch.hpp>

#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSet>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QUndoStack>
#include <QXmlStreamReader>
#include <functional>
#include <map>

#include "audit_panel.hpp"
#include "compare_panel.hpp"
#include "document_controller.hpp"
#include "find_bar.hpp"
#include "inspector_panel.hpp"
#include "main_window.hpp"
#include "map_operations.hpp"
#include "map_scene.hpp"
#include "map_view.hpp"
#include "message_bar.hpp"
#include "presentation_window.hpp"
#include "qt_text.hpp"
#include "structure_panel.hpp"
#include "translations.hpp"
#include "window_docks.hpp"

using namespace cjm;

namespace {

// Puts the English translation (plural forms) back at the end of a test, as
// tests/editor/main.cpp installed it, so the other tests keep English.
struct EnglishAfterwards {
    EnglishAfterwards() = default;
    EnglishAfterwards(const EnglishAfterwards &) = delete;
    EnglishAfterwards &operator=(const EnglishAfterwards &) = delete;
    ~EnglishAfterwards() { installTranslations(UiLanguage::English); }
};

struct TsMessage {
    QString context;
    QString source;
    bool numerus = false;
    QString type;             // the translation's type attribute ("unfinished", "vanished"...)
    QStringList translations; // the translation text, or each numerus form
};

std::vector<TsMessage> readTs(const QString &path, QString *language)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    std::vector<TsMessage> messages;
    QString context;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("TS")) {
            *language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            TsMessage message;
            message.context = context;
            message.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            while (xml.readNextStartElement()) {
                if (xml.name() == QLatin1String("source")) {
                    message.source = xml.readElementText();
                } else if (xml.name() == QLatin1String("translation")) {
                    message.type = xml.attributes().value(QLatin1String("type")).toString();
                    if (message.numerus) {
                        while (xml.readNextStartElement()) {
                            if (xml.name() == QLatin1String("numerusform"))
                                message.translations << xml.readElementText();
                            else
                                xml.skipCurrentElement();
                        }
                    } else {
                        message.translations << xml.readElementText();
                    }
                } else {
                    xml.skipCurrentElement();
                }
            }
            messages.push_back(message);
        }
    }
    INFO(path.toStdString() << ": " << xml.errorString().toStdString());
    REQUIRE_FALSE(xml.hasError());
    return messages;
}

QStringList placeholders(const QString &text)
{
    QStringList found;
    for (int i = 0; i + 1 < text.size(); ++i)
        if (text[i] == QLatin1Char('%') && (text[i + 1].isDigit() || text[i + 1] == QLatin1Char('n')))
            found << text.mid(i, 2);
    found.sort();
    return found;
}

QString fileMenuText()
{
    MainWindow window;
    const QList<QAction *> menus = window.menuBar()->actions();
    REQUIRE_FALSE(menus.isEmpty());
    return menus.first()->text();
}

} // namespace

TEST_CASE("every .ts file is completely translated, with its placeholders", "[translations]")
{
    const QDir dir(QStringLiteral(CJM_SOURCE_DIR "/resources/translations"));
    const QStringList files = dir.entryList({QStringLiteral("*.ts")}, QDir::Files, QDir::Name);
    REQUIRE(files.contains(QStringLiteral("cjm_en.ts")));
    REQUIRE(files.contains(QStringLiteral("cjm_zh_CN.ts")));
    REQUIRE(files.contains(QStringLiteral("cjm_zh_TW.ts")));

    QSet<QString> englishPlurals;
    std::vector<std::pair<QString, std::vector<TsMessage>>> chinese;
    for (const QString &name : files) {
        QString language;
        const std::vector<TsMessage> messages = readTs(dir.filePath(name), &language);
        INFO(name.toStdString());
        CHECK_FALSE(messages.empty());
        const bool english = language.startsWith(QLatin1String("en"));
        const bool isChinese = language.startsWith(QLatin1String("zh"));
        CHECK((english || isChinese));
        for (const TsMessage &message : messages) {
            INFO(message.context.toStdString() << ": " << message.source.toStdString());
            CHECK(message.type.isEmpty()); // not unfinished, obsolete or vanished
            CHECK_FALSE(message.translations.isEmpty());
            // English has two plural forms; Chinese has one.
            if (message.numerus)
                CHECK(message.translations.size() == (english ? 2 : 1));
            else
                CHECK(message.translations.size() == 1);
            for (const QString &translation : message.translations) {
                CHECK_FALSE(translation.trimmed().isEmpty());
                // The same %1, %2 as the source (English "one card" may drop %n).
                QStringList expected = placeholders(message.source);
                QStringList got = placeholders(translation);
                if (english) {
                    expected.removeAll(QStringLiteral("%n"));
                    got.removeAll(QStringLiteral("%n"));
                }
                CHECK(got == expected);
                // The same accelerator letter, Chinese style: "文件(&F)", "剪切(&T)".
                const qsizetype amp = message.source.indexOf(QLatin1Char('&'));
                if (amp >= 0 && amp + 1 < message.source.size() && message.source[amp + 1].isLetter())
                    CHECK(translation.contains(QLatin1Char('&') + message.source[amp + 1], Qt::CaseInsensitive));
                // HTML kept where the source has it.
                if (message.source.contains(QLatin1String("<h3>")))
                    CHECK(translation.contains(QLatin1String("<h3>")));
            }
            if (english)
                CHECK(message.numerus); // English needs only its plural forms
            if (english && message.numerus)
                englishPlurals.insert(message.context + QLatin1Char('\n') + message.source);
        }
        if (isChinese)
            chinese.emplace_back(name, messages);
    }
    // Every plural message has its English forms, or English would show "(s)".
    for (const auto &[name, messages] : chinese)
        for (const TsMessage &message : messages)
            if (message.numerus) {
                INFO(name.toStdString() << " " << message.context.toStdString() << ": "
                                        << message.source.toStdString());
                CHECK(englishPlurals.contains(message.context + QLatin1Char('\n') + message.source));
            }
}

TEST_CASE("the UI language follows the locale: Simplified, Traditional or English", "[translations]")
{
    using L = UiLanguage;
    CHECK(languageForLocale(QLocale(QStringLiteral("zh_CN"))) == L::SimplifiedChinese);
    CHECK(languageForLocale(QLocale(QStringLiteral("zh_SG"))) == L::SimplifiedChinese);
    CHECK(languageForLocale(QLocale(QStringLiteral("zh_Hans"))) == L::SimplifiedChinese);
    CHECK(languageForLocale(QLocale(QStringLiteral("zh"))) == L::SimplifiedChinese);
    CHECK(languageForLocale(QLocale(QStringLiteral("zh_TW"))) == L::TraditionalChinese);
    CHECK(languageForLocale(QLocale(QStringLiteral("zh_HK"))) == L::TraditionalChinese);
    CHECK(languageForLocale(QLocale(QStringLiteral("zh_MO"))) == L::TraditionalChinese);
    CHECK(languageForLocale(QLocale(QStringLiteral("zh_Hant"))) == L::TraditionalChinese);
    CHECK(languageForLocale(QLocale(QLocale::Chinese, QLocale::TraditionalHanScript, QLocale::Singapore)) ==
          L::TraditionalChinese);
    CHECK(languageForLocale(QLocale(QLocale::Chinese, QLocale::SimplifiedHanScript, QLocale::HongKong)) ==
          L::SimplifiedChinese);
    CHECK(languageForLocale(QLocale(QStringLiteral("en_US"))) == L::English);
    CHECK(languageForLocale(QLocale(QStringLiteral("ja_JP"))) == L::English);
    CHECK(languageForLocale(QLocale::c()) == L::English);

    // The setting overrides the locale; "system" and unknown values follow it.
    const QLocale taiwan(QStringLiteral("zh_TW"));
    CHECK(languageForSetting(QStringLiteral("en"), taiwan) == L::English);
    CHECK(languageForSetting(QStringLiteral("zh_CN"), taiwan) == L::SimplifiedChinese);
    CHECK(languageForSetting(QStringLiteral("zh_TW"), QLocale(QStringLiteral("en_GB"))) == L::TraditionalChinese);
    CHECK(languageForSetting(QStringLiteral("system"), taiwan) == L::TraditionalChinese);
    CHECK(languageForSetting(QString(), QLocale(QStringLiteral("de_DE"))) == L::English);
    CHECK(languageForSetting(QStringLiteral("klingon"), QLocale(QStringLiteral("zh_CN"))) == L::SimplifiedChinese);

    CHECK(languageCode(L::English) == QStringLiteral("en"));
    CHECK(languageCode(L::SimplifiedChinese) == QStringLiteral("zh_CN"));
    CHECK(languageCode(L::TraditionalChinese) == QStringLiteral("zh_TW"));
}

TEST_CASE("the language setting is stored under ui/language", "[translations]")
{
    QSettings().remove(QLatin1String(languageSettingKey));
    CHECK(languageSetting() == QStringLiteral("system"));
    setLanguageSetting(QStringLiteral("zh_TW"));
    CHECK(QSettings().value(QStringLiteral("ui/language")).toString() == QStringLiteral("zh_TW"));
    CHECK(languageSetting() == QStringLiteral("zh_TW"));
    QSettings().remove(QLatin1String(languageSettingKey));
}

TEST_CASE("loading a translation changes the menus of a new window", "[translations][app]")
{
    EnglishAfterwards restore;

    REQUIRE(installTranslations(UiLanguage::TraditionalChinese));
    CHECK(fileMenuText() == QStringLiteral("檔案(&F)"));
    CHECK(QCoreApplication::translate("cjm::MainWindow", "%n card(s)", "", 3) == QStringLiteral("3 張卡片"));
    CHECK(QCoreApplication::translate("MapText", "Pain points") == QStringLiteral("痛點"));
    // Translations from helper functions with their own contexts.
    CHECK(QCoreApplication::translate("MapOperations", "Add Stage") == QStringLiteral("新增階段"));
    CHECK(QCoreApplication::translate("AuditCriteria", "Meaningful") == QStringLiteral("有意義"));

    REQUIRE(installTranslations(UiLanguage::SimplifiedChinese));
    CHECK(fileMenuText() == QStringLiteral("文件(&F)"));
    CHECK(QCoreApplication::translate("MapText", "Touchpoints") == QStringLiteral("触点"));

    REQUIRE(installTranslations(UiLanguage::English));
    CHECK(fileMenuText() == QStringLiteral("&File"));
    CHECK(QCoreApplication::translate("cjm::MainWindow", "%n card(s)", "", 1) == QStringLiteral("1 card"));
    CHECK(QCoreApplication::translate("cjm::MainWindow", "%n card(s)", "", 2) == QStringLiteral("2 cards"));

    // Removing every translator leaves the source texts.
    removeTranslations();
    CHECK(fileMenuText() == QStringLiteral("&File"));
    CHECK(QCoreApplication::translate("cjm::MainWindow", "%n card(s)", "", 2) == QStringLiteral("2 card(s)"));
}

TEST_CASE("Qt's own dialogs are translated too when Qt's translations are installed", "[translations]")
{
    EnglishAfterwards restore;
    const QString qtTranslations = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    const bool present = QFile::exists(qtTranslations + QStringLiteral("/qtbase_zh_TW.qm"));
    if (!present)
        WARN("qtbase_zh_TW.qm is not installed (Debian: qt6-translations-l10n): "
             "only the source text is checked");
    const QString cancel = QStringLiteral("Cancel");
    installTranslations(UiLanguage::TraditionalChinese);
    const QString translated = QCoreApplication::translate("QPlatformTheme", "Cancel");
    if (present)
        CHECK(translated == QStringLiteral("取消"));
    else
        CHECK(translated == cancel);
    installTranslations(UiLanguage::English);
    CHECK(QCoreApplication::translate("QPlatformTheme", "Cancel") == cancel);
}

TEST_CASE("View ▸ Language stores the choice and applies it at once", "[translations][app]")
{
    EnglishAfterwards restore;
    QSettings().remove(QLatin1String(languageSettingKey));
    MainWindow window;
    // The menus are built again in the new language: look the entries up anew.
    auto languageMenu = [&window] {
        auto *menu = window.findChild<QMenu *>(QStringLiteral("languageMenu"));
        REQUIRE(menu);
        return menu;
    };
    CHECK(languageMenu()->title() == QStringLiteral("&Language"));
    QStringList labels;
    for (QAction *action : languageMenu()->actions())
        labels << action->text();
    CHECK(labels == QStringList{QStringLiteral("&System"), QStringLiteral("English"), QStringLiteral("简体中文"),
                                QStringLiteral("繁體中文")});
    CHECK(languageMenu()->actions().at(0)->isChecked()); // nothing stored: System

    languageMenu()->actions().at(3)->trigger();
    CHECK(languageSetting() == QStringLiteral("zh_TW"));
    for (int i = 0; i < 100 && window.menuBar()->actions().first()->text() == QStringLiteral("&File"); ++i)
        QTest::qWait(10);
    // No restart needed: the window is in Traditional Chinese now.
    CHECK(window.menuBar()->actions().first()->text() == QStringLiteral("檔案(&F)"));
    CHECK(languageMenu()->actions().at(3)->isChecked());
    CHECK_FALSE(languageMenu()->actions().at(0)->isChecked());
    CHECK_FALSE(window.statusBar()->currentMessage().contains(QStringLiteral("next time")));

    languageMenu()->actions().at(0)->trigger();
    CHECK(languageSetting() == QStringLiteral("system"));
    QSettings().remove(QLatin1String(languageSettingKey));
}

TEST_CASE("no two entries of one menu share a keyboard accelerator, in any language", "[translations][app]")
{
    EnglishAfterwards restore;
    // Alt+F, then a letter: two entries with the same letter only cycle, so
    // the second can never be chosen by keyboard.
    for (UiLanguage language : {UiLanguage::English, UiLanguage::SimplifiedChinese, UiLanguage::TraditionalChinese}) {
        REQUIRE(installTranslations(language));
        MainWindow window;
        std::function<void(QMenu *)> check = [&](QMenu *menu) {
            std::map<QChar, QString> seen;
            for (QAction *action : menu->actions()) {
                const QString text = action->text();
                const qsizetype amp = text.indexOf(QRegularExpression(QStringLiteral("&[^&]")));
                if (amp >= 0) {
                    const QChar key = text.at(amp + 1).toLower();
                    const auto earlier = seen.find(key);
                    INFO(languageCode(language).toStdString()
                         << ": " << menu->title().toStdString() << ": " << text.toStdString() << " and "
                         << (earlier == seen.end() ? std::string() : earlier->second.toStdString()));
                    CHECK(earlier == seen.end());
                    seen.emplace(key, text);
                }
                if (action->menu())
                    check(action->menu());
            }
        };
        for (QAction *action : window.menuBar()->actions())
            if (action->menu())
                check(action->menu());
    }
}

// --- View ▸ Language applies at once (#18 item 7)
// ----------------------------- Every open window's menus, toolbar, status bar,
// dock titles and dock contents switch, while the map, its undo history, the
// selection, zoom, scroll position and dock layout stay.

namespace {

// English again afterwards (as tests/editor/main.cpp installed it), with no
// stored choice, so the other tests are not affected.
struct EnglishAndNoSettingAfterwards {
    EnglishAndNoSettingAfterwards() { QSettings().remove(QLatin1String(languageSettingKey)); }
    EnglishAndNoSettingAfterwards(const EnglishAndNoSettingAfterwards &) = delete;
    EnglishAndNoSettingAfterwards &operator=(const EnglishAndNoSettingAfterwards &) = delete;
    ~EnglishAndNoSettingAfterwards()
    {
        QSettings().remove(QLatin1String(languageSettingKey));
        installTranslations(UiLanguage::English);
        QCoreApplication::processEvents();
    }
};

// Lets the posted language change reach the windows and their rebuild run.
void settle(const std::function<bool()> &done)
{
    for (int i = 0; i < 100 && !done(); ++i)
        QTest::qWait(10);
    QTest::qWait(20); // the scroll restore after the new layout
}

// Every text of the menu bar's menus, submenus included, in menu order.
QStringList menuTexts(QMainWindow &window)
{
    QStringList texts;
    std::function<void(QMenu *)> walk = [&](QMenu *menu) {
        texts << menu->title();
        for (QAction *action : menu->actions()) {
            if (action->isSeparator() || action->text().isEmpty())
                continue;
            if (action->menu())
                walk(action->menu());
            else
                texts << action->text();
        }
    };
    for (QAction *action : window.menuBar()->actions())
        if (action->menu())
            walk(action->menu());
    return texts;
}

QStringList menuTitles(QMainWindow &window)
{
    QStringList titles;
    for (QAction *action : window.menuBar()->actions())
        titles << action->text();
    return titles;
}

QAction *languageAction(QMainWindow &window, const QString &setting)
{
    auto *action = window.findChild<QAction *>(QStringLiteral("language_") + setting);
    REQUIRE(action);
    return action;
}

QDockWidget *dock(QMainWindow &window, const char *name)
{
    auto *found = window.findChild<QDockWidget *>(QLatin1String(name));
    REQUIRE(found);
    return found;
}

// What the user arranged: which docks are open, where, tabbed with which,
// floating, and how large.
struct DockPlace {
    bool visible;
    Qt::DockWidgetArea area;
    bool floating;
    QStringList tabbedWith;
    QSize size;
    bool operator==(const DockPlace &) const = default;
};

std::map<QString, DockPlace> dockLayout(QMainWindow &window)
{
    std::map<QString, DockPlace> layout;
    for (QDockWidget *d : window.findChildren<QDockWidget *>()) {
        QStringList tabbed;
        for (QDockWidget *other : window.tabifiedDockWidgets(d))
            tabbed << other->objectName();
        tabbed.sort();
        layout[d->objectName()] = {d->isVisible(), window.dockWidgetArea(d), d->isFloating(), tabbed,
                                   d->isVisible() ? d->size() : QSize()};
    }
    return layout;
}

QStringList labelTexts(QWidget *widget)
{
    QStringList texts;
    for (QLabel *label : widget->findChildren<QLabel *>())
        texts << label->text();
    return texts;
}

QString tabText(QWidget *panel, int index)
{
    auto *tabs = panel->findChild<QTabWidget *>();
    REQUIRE(tabs);
    return tabs->tabText(index);
}

QString auditHeader(QMainWindow &window, int section)
{
    auto *audit = qobject_cast<AuditPanel *>(dock(window, "auditDock")->widget());
    REQUIRE(audit);
    return audit->model()->headerData(section, Qt::Horizontal, Qt::DisplayRole).toString();
}

} // namespace

TEST_CASE("View ▸ Language switches every open window at once and keeps the "
          "map, its undo, selection and layout",
          "[translations][app][language]")
{
    EnglishAndNoSettingAfterwards restore;
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("ecommerce-en.cjm"));
    REQUIRE(QFile::copy(QStringLiteral(CJM_SAMPLES_DIR "/ecommerce-en.cjm"), copy));

    MainWindow window;
    window.resize(1400, 900);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    REQUIRE(window.loadFile(copy));
    MainWindow other; // a second window: it switches too
    DocumentController *controller = window.controller();

    // A map with an edit, a selection, a zoom and scroll position, and a
    // layout of the user's own: Undo History tabbed with the Palette, the
    // audit and Insights open under the map.
    const Document &doc = controller->document();
    std::string cardId;
    for (const Card &card : doc.cards())
        if (doc.lane(card.lane) && doc.lane(card.lane)->kind == LaneKind::Touchpoints) {
            cardId = card.id;
            break;
        }
    REQUIRE_FALSE(cardId.empty());
    REQUIRE(controller->operations().setCardText(cardId, QStringLiteral("Edited before the switch")));
    REQUIRE(controller->undoStack()->count() == 1);
    REQUIRE(controller->isModified());
    window.scene()->setSelectedCards({cardId});
    QDockWidget *history = dock(window, "historyDock");
    window.tabifyDockWidget(dock(window, "paletteDock"), history);
    history->show();
    history->raise();
    dock(window, "auditDock")->toggleViewAction()->trigger();
    dock(window, "insightsDock")->toggleViewAction()->trigger();
    const QString otherVersion = dir.filePath(QStringLiteral("other.cjm"));
    REQUIRE(QFile::copy(QStringLiteral(CJM_SAMPLES_DIR "/ecommerce-en.cjm"), otherVersion));
    REQUIRE(window.compareWithFile(otherVersion)); // a comparison under way (one change: the edit)
    window.view()->setZoom(1.5);
    QTest::qWait(50);
    window.view()->horizontalScrollBar()->setValue(300);
    window.view()->verticalScrollBar()->setValue(120);
    window.findBar()->open();
    window.findBar()->setQuery(QStringLiteral("zzz-no-such-card"));
    QTest::qWait(50);

    const Document before = controller->document();
    const auto layoutBefore = dockLayout(window);
    const QStringList englishMenus = menuTexts(window);
    const QStringList englishTitles = menuTitles(window);
    const QString englishTitle = window.windowTitle();
    QStringList englishToolbar;
    for (QAction *action : window.findChild<QToolBar *>(QStringLiteral("mainToolbar"))->actions())
        if (!action->isSeparator())
            englishToolbar << action->text();
    REQUIRE(englishToolbar.contains(QStringLiteral("Undo")));
    const int hScroll = window.view()->horizontalScrollBar()->value();
    const int vScroll = window.view()->verticalScrollBar()->value();
    REQUIRE(hScroll > 0);
    REQUIRE(vScroll > 0);
    REQUIRE(englishTitles.first() == QStringLiteral("&File"));
    REQUIRE(labelTexts(dock(window, "inspectorDock")->widget()).contains(QStringLiteral("Tags:")));

    auto checkKept = [&] {
        CHECK(controller->document() == before);
        CHECK(controller->undoStack()->count() == 1);
        CHECK(controller->undoStack()->index() == 1);
        CHECK(controller->isModified());
        CHECK(window.isWindowModified());
        CHECK(window.scene()->selectedCards() == std::unordered_set<std::string>{cardId});
        CHECK(window.view()->zoom() == Approx(1.5));
        CHECK(window.view()->horizontalScrollBar()->value() == hScroll);
        CHECK(window.view()->verticalScrollBar()->value() == vScroll);
        CHECK(dockLayout(window) == layoutBefore);
        CHECK(window.findBar()->isVisible());
        CHECK(window.findBar()->findChild<QLineEdit *>()->text() == QStringLiteral("zzz-no-such-card"));
        // The Inspector still shows the selected card.
        auto *inspector = qobject_cast<InspectorPanel *>(dock(window, "inspectorDock")->widget());
        REQUIRE(inspector);
        CHECK(inspector->target() == InspectorPanel::Target::Card);
        // The team library's entries are in File once, after Open Recent.
        auto *file = window.findChild<QMenu *>(QStringLiteral("fileMenu"));
        REQUIRE(file);
        auto *teamOpen = window.findChild<QAction *>(QStringLiteral("teamOpenAction"));
        REQUIRE(teamOpen);
        CHECK(file->actions().count(teamOpen) == 1);
        const qsizetype at = file->actions().indexOf(teamOpen);
        REQUIRE(at > 0);
        CHECK(file->actions().at(at - 1)->menu());
        // The comparison goes on in the new panel.
        auto *compare = qobject_cast<ComparePanel *>(dock(window, "compareDock")->widget());
        REQUIRE(compare);
        CHECK(compare->isComparing());
        CHECK(compare->changes().size() == 1);
    };

    // --- to Simplified Chinese through the real menu entry -------------------
    languageAction(window, QStringLiteral("zh_CN"))->trigger();
    settle([&] { return menuTitles(window).first() != QStringLiteral("&File"); });
    CHECK(languageSetting() == QStringLiteral("zh_CN"));
    CHECK(languageAction(window, QStringLiteral("zh_CN"))->isChecked());

    CHECK(menuTitles(window).first() == QStringLiteral("文件(&F)"));
    CHECK(menuTitles(other).first() == QStringLiteral("文件(&F)"));
    CHECK(menuTitles(window).size() == englishTitles.size());
    // No menu text is left in English. Allowed to stay: the language names,
    // the same in every language, the texts whose Simplified Chinese is the
    // English ("&CSV..."), and texts the .ts file does not have yet (the
    // completeness test above flags those once lupdate has added them).
    QSet<QString> sameInEveryLanguage{QStringLiteral("English"), QStringLiteral("简体中文"),
                                      QStringLiteral("繁體中文")};
    QSet<QString> translated;
    QString tsLanguage;
    for (const TsMessage &message :
         readTs(QStringLiteral(CJM_SOURCE_DIR "/resources/translations/cjm_zh_CN.ts"), &tsLanguage))
        if (!message.numerus && message.translations.value(0) != message.source)
            translated.insert(message.source);
    const QSet<QString> english(englishMenus.begin(), englishMenus.end());
    const QStringList chineseMenus = menuTexts(window);
    CHECK(chineseMenus.size() == englishMenus.size());
    for (const QString &text : chineseMenus) {
        if (sameInEveryLanguage.contains(text) || !translated.contains(text))
            continue;
        INFO("still English in the menus: " << text.toStdString());
        CHECK_FALSE(english.contains(text));
    }
    // Toolbar, status bar, title.
    auto *toolbar = window.findChild<QToolBar *>(QStringLiteral("mainToolbar"));
    REQUIRE(toolbar);
    CHECK(toolbar->windowTitle() != QStringLiteral("Main Toolbar"));
    for (QAction *action : toolbar->actions()) {
        INFO("still English on the toolbar: " << action->text().toStdString());
        CHECK_FALSE(englishToolbar.contains(action->text()));
    }
    const QString status = window.statusBar()->findChild<QLabel *>()->text();
    CHECK_FALSE(status.contains(QStringLiteral("card")));
    CHECK(window.windowTitle() ==
          QCoreApplication::translate("cjm::MainWindow", "%1[*] — CJM Studio").arg(controller->displayName()));
    // Dock titles and contents.
    CHECK(dock(window, "paletteDock")->windowTitle() == QStringLiteral("组件面板"));
    CHECK(dock(window, "auditDock")->windowTitle() == QStringLiteral("触点审核"));
    CHECK(dock(window, "auditDock")->toggleViewAction()->text() == QStringLiteral("触点审核"));
    CHECK(dock(other, "paletteDock")->windowTitle() == QStringLiteral("组件面板"));
    const QStringList inspectorLabels = labelTexts(dock(window, "inspectorDock")->widget());
    CHECK(inspectorLabels.contains(QStringLiteral("标签：")));
    CHECK_FALSE(inspectorLabels.contains(QStringLiteral("Tags:")));
    CHECK(tabText(dock(window, "structureDock")->widget(), 0) == QStringLiteral("用户画像"));
    CHECK(auditHeader(window, AuditTableModel::Touchpoint) != QStringLiteral("Touchpoint"));
    CHECK(window.findBar()->findChild<QLineEdit *>()->placeholderText() != QStringLiteral("Find cards"));
    checkKept();

    // --- and back to English --------------------------------------------------
    languageAction(window, QStringLiteral("en"))->trigger();
    settle([&] { return menuTitles(window).first() == QStringLiteral("&File"); });
    CHECK(languageSetting() == QStringLiteral("en"));
    CHECK(menuTitles(window) == englishTitles);
    CHECK(menuTexts(window) == englishMenus);
    CHECK(menuTitles(other).first() == QStringLiteral("&File"));
    CHECK(window.windowTitle() == englishTitle);
    // The same toolbar (other features' widgets on it stay), its buttons anew.
    CHECK(toolbar == window.findChild<QToolBar *>(QStringLiteral("mainToolbar")));
    CHECK(window.findChildren<QToolBar *>().size() == 1);
    QStringList toolbarTexts;
    for (QAction *action : toolbar->actions())
        if (!action->isSeparator())
            toolbarTexts << action->text();
    CHECK(toolbarTexts == englishToolbar);
    CHECK(window.findChild<QToolBar *>(QStringLiteral("mainToolbar"))->windowTitle() == QStringLiteral("Main Toolbar"));
    CHECK(window.statusBar()->findChild<QLabel *>()->text().contains(QStringLiteral("card")));
    CHECK(dock(window, "paletteDock")->windowTitle() == QStringLiteral("Palette"));
    CHECK(dock(window, "auditDock")->windowTitle() == QStringLiteral("Touchpoint Audit"));
    CHECK(labelTexts(dock(window, "inspectorDock")->widget()).contains(QStringLiteral("Tags:")));
    CHECK(tabText(dock(window, "structureDock")->widget(), 0) == QStringLiteral("Personas"));
    CHECK(auditHeader(window, AuditTableModel::Touchpoint) == QStringLiteral("Touchpoint"));
    CHECK(window.findBar()->findChild<QLineEdit *>()->placeholderText() == QStringLiteral("Find cards"));
    checkKept();

    // The undo history still undoes the edit made before both switches.
    window.findChild<QMenu *>(QStringLiteral("editMenu"))->actions().first()->trigger();
    CHECK(controller->undoStack()->index() == 0);
    CHECK(toQString(controller->document().card(cardId)->text) != QStringLiteral("Edited before the switch"));
}

TEST_CASE("a message in the bar is composed again in the new language; a plain "
          "one stays",
          "[translations][language]")
{
    EnglishAndNoSettingAfterwards restore;
    MessageBar bar;
    bar.show();
    int composed = 0;
    bar.showTranslated([&] {
        ++composed;
        bar.showMessage(QCoreApplication::translate("cjm::MainWindow", "The review of this map is due today."),
                        {{QCoreApplication::translate("cjm::MainWindow", "Mark Reviewed"), [] {},
                          QStringLiteral("markReviewedButton")}});
    });
    CHECK(bar.text() == QStringLiteral("The review of this map is due today."));
    installTranslations(UiLanguage::SimplifiedChinese);
    settle([&] { return composed > 1; });
    CHECK(composed == 2);
    CHECK(bar.text() == QCoreApplication::translate("cjm::MainWindow", "The review of this map is due today."));
    CHECK(bar.text() != QStringLiteral("The review of this map is due today."));
    auto *button = bar.findChild<QWidget *>(QStringLiteral("markReviewedButton"));
    REQUIRE(button);

    // A plain message is not the translated one's: it stays as it was given.
    bar.showMessage(QStringLiteral("plain"), {});
    installTranslations(UiLanguage::English);
    settle([] { return false; });
    CHECK(composed == 2);
    CHECK(bar.text() == QStringLiteral("plain"));
}

TEST_CASE("a panel added by another feature is built again in the new language", "[translations][app][language]")
{
    EnglishAndNoSettingAfterwards restore;
    MainWindow window;
    int builds = 0;
    QWidget *lastPrevious = nullptr;
    QDockWidget *added = window.docks()->addPanel(
        QStringLiteral("testDock"), [] { return QCoreApplication::translate("cjm::WindowDocks", "Palette"); },
        Qt::RightDockWidgetArea,
        [&](QWidget *previous) {
            ++builds;
            lastPrevious = previous;
            return new QLabel(QCoreApplication::translate("cjm::WindowDocks", "Inspector"));
        });
    // Its toggle is in the View menu like the others'.
    CHECK(window.findChild<QMenu *>(QStringLiteral("viewMenu"))->actions().contains(added->toggleViewAction()));
    int chromeBuilds = 0;
    window.addChromeBuilder([&](const MainWindow::Chrome &chrome) {
        ++chromeBuilds;
        REQUIRE(chrome.file);
        REQUIRE(chrome.fileLibraryPlace);
        chrome.file->insertAction(chrome.fileLibraryPlace,
                                  new QAction(QCoreApplication::translate("cjm::MainWindow", "&Save"), chrome.file));
    });
    CHECK(chromeBuilds == 1);
    QWidget *first = added->widget();
    // Another feature's button on the toolbar (the team library's avatars) stays,
    // after the window's own.
    auto *toolbar = window.findChild<QToolBar *>(QStringLiteral("mainToolbar"));
    REQUIRE(toolbar);
    QAction *foreign = toolbar->addAction(QStringLiteral("foreign"));
    const qsizetype toolbarSize = toolbar->actions().size();

    installTranslations(UiLanguage::SimplifiedChinese);
    settle([&] { return builds > 1; });
    CHECK(builds == 2);
    CHECK(lastPrevious == first);
    CHECK(added->windowTitle() == QStringLiteral("组件面板"));
    CHECK(qobject_cast<QLabel *>(added->widget())->text() != QStringLiteral("Inspector"));
    CHECK(chromeBuilds == 2);
    CHECK(window.findChild<QMenu *>(QStringLiteral("viewMenu"))->actions().contains(added->toggleViewAction()));
    int saves = 0;
    for (QAction *action : window.findChild<QMenu *>(QStringLiteral("fileMenu"))->actions())
        saves += action->text() == QCoreApplication::translate("cjm::MainWindow", "&Save") ? 1 : 0;
    CHECK(saves == 2); // the window's own Save and the builder's, once each
    CHECK(toolbar->actions().size() == toolbarSize);
    CHECK(toolbar->actions().last() == foreign);
}

TEST_CASE("a presentation under way takes the new language's words", "[translations][language]")
{
    EnglishAndNoSettingAfterwards restore;
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("map.cjm"));
    REQUIRE(QFile::copy(QStringLiteral(CJM_SAMPLES_DIR "/ecommerce-en.cjm"), copy));
    DocumentController controller;
    Problems problems;
    REQUIRE(controller.load(copy, problems));
    const Document &doc = controller.document();
    PresentationWindow presentation(doc, SlideSelection{});
    presentation.setAttribute(Qt::WA_DeleteOnClose, false);
    const QString english = presentation.windowTitle();
    REQUIRE(english.endsWith(QStringLiteral("Presentation")));
    installTranslations(UiLanguage::SimplifiedChinese);
    settle([&] { return presentation.windowTitle() != english; });
    CHECK(presentation.windowTitle() == QCoreApplication::translate("cjm::PresentationWindow", "%1 – Presentation")
                                            .arg(toQString(doc.journey().title)));
    CHECK(presentation.windowTitle() != english);
    installTranslations(UiLanguage::English);
    settle([&] { return presentation.windowTitle() == english; });
    CHECK(presentation.windowTitle() == english);
}

TEST_CASE("translators installed again in the same language leave a window's "
          "panels as they are",
          "[translations][app][language]")
{
    EnglishAndNoSettingAfterwards restore;
    MainWindow window;
    QWidget *inspector = dock(window, "inspectorDock")->widget();
    QMenu *file = window.findChild<QMenu *>(QStringLiteral("fileMenu"));
    REQUIRE(file);
    installTranslations(UiLanguage::English); // a LanguageChange, but no other language
    settle([] { return false; });
    CHECK(dock(window, "inspectorDock")->widget() == inspector);
    CHECK(window.findChild<QMenu *>(QStringLiteral("fileMenu")) == file);
}

namespace {

// A window on a copy of the sample, shown, for the tests of what a switch
// keeps.
struct SampleWindow {
    QTemporaryDir dir;
    MainWindow window;
    SampleWindow()
    {
        const QString copy = dir.filePath(QStringLiteral("ecommerce-en.cjm"));
        REQUIRE(QFile::copy(QStringLiteral(CJM_SAMPLES_DIR "/ecommerce-en.cjm"), copy));
        window.resize(1400, 900);
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        REQUIRE(window.loadFile(copy));
    }
};

} // namespace

TEST_CASE("a language switch keeps the find bar's highlights", "[translations][app][language]")
{
    EnglishAndNoSettingAfterwards restore;
    SampleWindow sample;
    MainWindow &window = sample.window;
    window.findBar()->open();
    window.findBar()->setQuery(QStringLiteral("a"));
    QTest::qWait(50);
    const std::unordered_set<std::string> found = window.scene()->highlightedCards();
    REQUIRE(found.size() > 10);

    installTranslations(UiLanguage::SimplifiedChinese);
    settle([&] { return menuTitles(window).first() != QStringLiteral("&File"); });
    REQUIRE(menuTitles(window).first() != QStringLiteral("&File"));
    CHECK(window.scene()->highlightedCards() == found);
    CHECK(window.findBar()->findChild<QLineEdit *>()->text() == QStringLiteral("a"));

    // Stop Comparing takes away only the comparison's own highlights.
    auto *compare = qobject_cast<ComparePanel *>(dock(window, "compareDock")->widget());
    REQUIRE(compare);
    compare->clear();
    CHECK(window.scene()->highlightedCards() == found);
}

TEST_CASE("a language switch keeps each window's heat strip as that window shows it", "[translations][app][language]")
{
    EnglishAndNoSettingAfterwards restore;
    struct NoHeatSettingAfterwards {
        ~NoHeatSettingAfterwards() { QSettings().remove(QStringLiteral("view/heatStrip")); }
    } noHeatSetting;
    MainWindow a;
    MainWindow b;
    auto heatAction = [](MainWindow &window) {
        auto *action = window.findChild<QAction *>(QStringLiteral("heatStripAction"));
        REQUIRE(action);
        return action;
    };
    if (!heatAction(a)->isChecked())
        heatAction(a)->trigger();
    REQUIRE(a.scene()->showHeatStrip());
    if (heatAction(b)->isChecked())
        heatAction(b)->trigger(); // the setting is now off: the last choice
    REQUIRE_FALSE(b.scene()->showHeatStrip());
    REQUIRE(a.scene()->showHeatStrip());

    languageAction(b, QStringLiteral("zh_CN"))->trigger();
    settle([&] {
        return menuTitles(a).first() != QStringLiteral("&File") && menuTitles(b).first() != QStringLiteral("&File");
    });
    REQUIRE(menuTitles(a).first() != QStringLiteral("&File"));
    CHECK(a.scene()->showHeatStrip());
    CHECK(heatAction(a)->isChecked());
    CHECK_FALSE(b.scene()->showHeatStrip());
    CHECK_FALSE(heatAction(b)->isChecked());
    // The rebuilt action still works, and still stores the choice.
    heatAction(a)->trigger();
    CHECK_FALSE(a.scene()->showHeatStrip());
    CHECK_FALSE(QSettings().value(QStringLiteral("view/heatStrip")).toBool());
}

TEST_CASE("a language switch keeps the panels' current entries and a link "
          "being typed",
          "[translations][app][language]")
{
    EnglishAndNoSettingAfterwards restore;
    SampleWindow sample;
    MainWindow &window = sample.window;
    const Document &doc = window.controller()->document();

    auto *palette = qobject_cast<QListWidget *>(dock(window, "paletteDock")->widget());
    REQUIRE(palette);
    palette->setCurrentRow(5);

    auto *structure = qobject_cast<StructurePanel *>(dock(window, "structureDock")->widget());
    REQUIRE(structure);
    REQUIRE(doc.stages().size() > 2);
    REQUIRE(doc.personas().size() > 1);
    structure->list(StructurePanel::Kind::Stages)->setCurrentRow(2);
    structure->list(StructurePanel::Kind::Personas)->setCurrentRow(1);
    const QString stageName = structure->list(StructurePanel::Kind::Stages)->currentItem()->text();
    const QString personaName = structure->list(StructurePanel::Kind::Personas)->currentItem()->text();
    structure->setCurrentKind(StructurePanel::Kind::Stages);

    // A link that is no web address: it stays in its field, unsaved.
    std::string cardId;
    for (const Card &card : doc.cards())
        if (!card.link) {
            cardId = card.id;
            break;
        }
    REQUIRE_FALSE(cardId.empty());
    window.scene()->setSelectedCards({cardId});
    QTest::qWait(20);
    auto *link = dock(window, "inspectorDock")->widget()->findChild<QLineEdit *>(QStringLiteral("Link"));
    REQUIRE(link);
    link->setFocus();
    QTest::keyClicks(link, QStringLiteral("www.example.com/help"));
    REQUIRE(link->text() == QStringLiteral("www.example.com/help"));
    REQUIRE_FALSE(doc.card(cardId)->link);

    installTranslations(UiLanguage::SimplifiedChinese);
    settle([&] { return menuTitles(window).first() != QStringLiteral("&File"); });
    REQUIRE(menuTitles(window).first() != QStringLiteral("&File"));

    palette = qobject_cast<QListWidget *>(dock(window, "paletteDock")->widget());
    REQUIRE(palette);
    CHECK(palette->currentRow() == 5);

    structure = qobject_cast<StructurePanel *>(dock(window, "structureDock")->widget());
    REQUIRE(structure);
    REQUIRE(structure->list(StructurePanel::Kind::Stages)->currentItem());
    CHECK(structure->list(StructurePanel::Kind::Stages)->currentItem()->text() == stageName);
    REQUIRE(structure->list(StructurePanel::Kind::Personas)->currentItem());
    CHECK(structure->list(StructurePanel::Kind::Personas)->currentItem()->text() == personaName);

    auto *inspector = qobject_cast<InspectorPanel *>(dock(window, "inspectorDock")->widget());
    REQUIRE(inspector);
    CHECK(inspector->targetId() == cardId);
    link = inspector->findChild<QLineEdit *>(QStringLiteral("Link"));
    REQUIRE(link);
    CHECK(link->text() == QStringLiteral("www.example.com/help"));
    CHECK_FALSE(doc.card(cardId)->link); // still not saved
}

TEST_CASE("the toolbar's buttons show their words without the menu's accelerator, in every language",
          "[translations][app][language]")
{
    EnglishAndNoSettingAfterwards restore;
    MainWindow window;
    auto *toolbar = window.findChild<QToolBar *>(QStringLiteral("mainToolbar"));
    REQUIRE(toolbar);
    const auto check = [&] {
        int shown = 0;
        for (QAction *action : toolbar->actions()) {
            if (action->isSeparator())
                continue;
            ++shown;
            INFO(action->iconText().toStdString());
            CHECK_FALSE(action->iconText().contains(QLatin1Char('&')));
            CHECK_FALSE(action->iconText().contains(QRegularExpression(QStringLiteral("\\(.\\)"))));
            CHECK_FALSE(action->iconText().endsWith(QLatin1String("...")));
        }
        CHECK(shown >= 6);
    };
    check();
    installTranslations(UiLanguage::SimplifiedChinese);
    settle([&] { return menuTitles(window).first() != QStringLiteral("&File"); });
    REQUIRE(menuTitles(window).first() == QStringLiteral("文件(&F)"));
    check();
    // The menus keep their accelerators.
    CHECK(window.findChild<QMenu *>(QStringLiteral("fileMenu"))->actions().first()->text().contains(QLatin1Char('&')));
}

TEST_CASE("the Inspector's fields show the start of a long text, not its tail", "[inspector]")
{
    SampleWindow sample;
    MainWindow &window = sample.window;
    const std::string longTitle(200, 'x');
    REQUIRE(window.controller()->operations().renameMap(QString::fromStdString(longTitle + "end")));
    // The Inspector goes from a card to the map: its form is built again.
    window.scene()->setSelectedCards({window.controller()->document().cards().front().id});
    QTest::qWait(20);
    window.scene()->setSelectedCards({});
    QTest::qWait(20);
    QLineEdit *title = nullptr;
    for (QLineEdit *edit : dock(window, "inspectorDock")->widget()->findChildren<QLineEdit *>())
        if (edit->text() == QString::fromStdString(longTitle + "end"))
            title = edit;
    REQUIRE(title);
    CHECK(title->cursorPosition() == 0);
}

TEST_CASE("the Inspector says plainly that a link which is no web address is not saved", "[inspector]")
{
    SampleWindow sample;
    MainWindow &window = sample.window;
    const Document &doc = window.controller()->document();
    std::string cardId;
    for (const Card &card : doc.cards())
        if (!card.link) {
            cardId = card.id;
            break;
        }
    REQUIRE_FALSE(cardId.empty());
    window.scene()->setSelectedCards({cardId});
    QTest::qWait(20);
    QWidget *inspector = dock(window, "inspectorDock")->widget();
    auto *link = inspector->findChild<QLineEdit *>(QStringLiteral("Link"));
    auto *notSaved = inspector->findChild<QLabel *>(QStringLiteral("linkNotSavedLabel"));
    REQUIRE(link);
    REQUIRE(notSaved);
    CHECK_FALSE(notSaved->isVisibleTo(inspector));
    CHECK(notSaved->textFormat() == Qt::PlainText);
    link->setFocus();
    QTest::keyClicks(link, QStringLiteral("file:///etc/passwd"));
    CHECK_FALSE(notSaved->isVisibleTo(inspector)); // not while typing
    QTest::keyClick(link, Qt::Key_Return);
    CHECK(notSaved->isVisibleTo(inspector));
    CHECK(notSaved->text() ==
          QStringLiteral("Only web addresses (http:// or https://) are kept: this link is not saved."));
    CHECK_FALSE(doc.card(cardId)->link);
    // A web address is kept, and the message goes.
    link->selectAll();
    QTest::keyClicks(link, QStringLiteral("https://example.com"));
    CHECK_FALSE(notSaved->isVisibleTo(inspector));
    CHECK(doc.card(cardId)->link == "https://example.com");
}

namespace {
QStringList g_warnings;
void collectWarnings(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtWarningMsg)
        g_warnings << message;
}
} // namespace

TEST_CASE("renaming in the Structure list through its editor leaves no editor behind", "[structure]")
{
    SampleWindow sample;
    MainWindow &window = sample.window;
    auto *structure = qobject_cast<StructurePanel *>(dock(window, "structureDock")->widget());
    REQUIRE(structure);
    dock(window, "structureDock")->raise();
    structure->setCurrentKind(StructurePanel::Kind::Stages);
    QListWidget *stages = structure->list(StructurePanel::Kind::Stages);
    QTest::qWait(20);
    REQUIRE(stages->count() > 1);
    const std::string stageId = window.controller()->document().stages().at(1).id;
    stages->setCurrentRow(1);
    stages->editItem(stages->item(1));
    QTest::qWait(20);
    auto *editor = stages->viewport()->findChild<QLineEdit *>();
    REQUIRE(editor);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("Renamed stage"));
    g_warnings.clear();
    const QtMessageHandler previous = qInstallMessageHandler(collectWarnings);
    QTest::keyClick(editor, Qt::Key_Return);
    QTest::qWait(20);
    qInstallMessageHandler(previous);
    INFO(g_warnings.join(QLatin1Char('\n')).toStdString());
    CHECK(g_warnings.filter(QStringLiteral("closeEditor")).isEmpty());
    CHECK(window.controller()->document().stage(stageId)->name == "Renamed stage");
    REQUIRE(stages->item(1));
    CHECK(stages->item(1)->text() == QStringLiteral("Renamed stage"));
    CHECK(stages->findChildren<QLineEdit *>().isEmpty());
}
