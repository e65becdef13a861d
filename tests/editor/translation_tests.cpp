// The UI translations: every .ts entry is translated, the right language is
// picked from the locale or the setting, and loading one changes the menus.

#include <catch2/catch.hpp>

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QStatusBar>
#include <QXmlStreamReader>
#include <functional>
#include <map>

#include "main_window.hpp"
#include "translations.hpp"

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
    CHECK(QCoreApplication::translate("InspectorWidget", "Meaningful") == QStringLiteral("有意義"));

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
        WARN("qtbase_zh_TW.qm is not installed (Debian: qt6-translations-l10n): only the source text is checked");
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

TEST_CASE("View ▸ Language stores the choice for the next start", "[translations][app]")
{
    QSettings().remove(QLatin1String(languageSettingKey));
    MainWindow window;
    QMenu *view = nullptr;
    for (QAction *action : window.menuBar()->actions())
        if (action->text() == QStringLiteral("&View"))
            view = action->menu();
    REQUIRE(view);
    QMenu *language = nullptr;
    for (QAction *action : view->actions())
        if (action->menu() && action->text() == QStringLiteral("&Language"))
            language = action->menu();
    REQUIRE(language);
    QStringList labels;
    for (QAction *action : language->actions())
        labels << action->text();
    CHECK(labels == QStringList{QStringLiteral("&System"), QStringLiteral("English"), QStringLiteral("简体中文"),
                                QStringLiteral("繁體中文")});
    CHECK(language->actions().at(0)->isChecked()); // nothing stored: System

    language->actions().at(3)->trigger();
    CHECK(languageSetting() == QStringLiteral("zh_TW"));
    CHECK(language->actions().at(3)->isChecked());
    CHECK_FALSE(language->actions().at(0)->isChecked());
    CHECK(window.statusBar()->currentMessage().contains(QStringLiteral("next time")));
    // The window itself keeps its language until the next start.
    CHECK(window.menuBar()->actions().first()->text() == QStringLiteral("&File"));

    language->actions().at(0)->trigger();
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
