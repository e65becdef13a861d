#include "translations.hpp"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QSettings>
#include <QTranslator>
#include <vector>

namespace cjm {

namespace {

// The translators installed by installTranslations(), owned by the
// application object so they outlive every window.
std::vector<QPointer<QTranslator>> &installed()
{
    static std::vector<QPointer<QTranslator>> translators;
    return translators;
}

bool install(const QString &fileName, const QString &directory)
{
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (!translator->load(fileName, directory)) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    installed().emplace_back(translator);
    return true;
}

} // namespace

UiLanguage languageForLocale(const QLocale &locale)
{
    if (locale.language() != QLocale::Chinese)
        return UiLanguage::English;
    if (locale.script() == QLocale::TraditionalHanScript)
        return UiLanguage::TraditionalChinese;
    if (locale.script() == QLocale::SimplifiedHanScript)
        return UiLanguage::SimplifiedChinese;
    switch (locale.territory()) {
    case QLocale::Taiwan:
    case QLocale::HongKong:
    case QLocale::Macao: return UiLanguage::TraditionalChinese;
    default: return UiLanguage::SimplifiedChinese;
    }
}

UiLanguage languageForSetting(const QString &setting, const QLocale &systemLocale)
{
    if (setting == QLatin1String("en"))
        return UiLanguage::English;
    if (setting == QLatin1String("zh_CN"))
        return UiLanguage::SimplifiedChinese;
    if (setting == QLatin1String("zh_TW"))
        return UiLanguage::TraditionalChinese;
    return languageForLocale(systemLocale);
}

QString languageCode(UiLanguage language)
{
    switch (language) {
    case UiLanguage::SimplifiedChinese: return QStringLiteral("zh_CN");
    case UiLanguage::TraditionalChinese: return QStringLiteral("zh_TW");
    case UiLanguage::English: break;
    }
    return QStringLiteral("en");
}

std::string mapLanguageTag(UiLanguage language)
{
    switch (language) {
    case UiLanguage::SimplifiedChinese: return "zh-CN";
    case UiLanguage::TraditionalChinese: return "zh-TW";
    case UiLanguage::English: break;
    }
    return "en";
}

QString languageSetting()
{
    return QSettings().value(QLatin1String(languageSettingKey), QStringLiteral("system")).toString();
}

void setLanguageSetting(const QString &setting) { QSettings().setValue(QLatin1String(languageSettingKey), setting); }

namespace {
UiLanguage &currentLanguageStore()
{
    static UiLanguage language = UiLanguage::English;
    return language;
}
} // namespace

UiLanguage currentLanguage() { return currentLanguageStore(); }

void removeTranslations()
{
    currentLanguageStore() = UiLanguage::English;
    for (const QPointer<QTranslator> &translator : installed())
        if (translator) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    installed().clear();
}

bool installTranslations(UiLanguage language)
{
    removeTranslations();
    currentLanguageStore() = language;
    const QString code = languageCode(language);
    if (language != UiLanguage::English)
        install(QStringLiteral("qtbase_") + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return install(QStringLiteral("cjm_") + code, QStringLiteral(":/i18n"));
}

void installTranslations() { installTranslations(languageForSetting(languageSetting(), QLocale::system())); }

} // namespace cjm
