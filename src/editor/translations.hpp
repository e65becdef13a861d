#pragma once
// The UI language: chosen from the system locale unless the user picked one
// (View ▸ Language, stored as the setting "ui/language"). The application's
// translations are compiled into the editor library from
// resources/translations/*.ts (English needs only its plural forms); Qt's own
// translations (standard dialogs' buttons) come from Qt's translations folder
// when it has them.

#include <QString>
#include <string>

class QLocale;

namespace cjm {

enum class UiLanguage { English, SimplifiedChinese, TraditionalChinese };

// The QSettings key of the user's choice: "system", "en", "zh_CN" or "zh_TW".
inline constexpr const char *languageSettingKey = "ui/language";

// zh_CN, zh_SG, zh_Hans... → Simplified; zh_TW, zh_HK, zh_MO, zh_Hant... →
// Traditional; any other language → English.
UiLanguage languageForLocale(const QLocale &locale);

// The language a setting value asks for; "system", empty or an unknown value
// follow systemLocale.
UiLanguage languageForSetting(const QString &setting, const QLocale &systemLocale);

// "en", "zh_CN" or "zh_TW": the suffix of the translation files.
QString languageCode(UiLanguage language);

// "en", "zh-CN" or "zh-TW": the BCP 47 tag a map written in this language
// carries as its journey's `language` (docs/format.md).
std::string mapLanguageTag(UiLanguage language);

// The stored setting ("system" when none was stored).
QString languageSetting();
void setLanguageSetting(const QString &setting);

// Installs the translations for language, replacing any this module installed
// before. Returns false when the application's own translation could not be
// loaded (the UI then shows the English source texts).
bool installTranslations(UiLanguage language);

// Installs the language of the stored setting and the system locale.
void installTranslations();

// Removes the translators this module installed: the UI is English again.
void removeTranslations();

// The language installed last (English when none): templates and the
// touchpoint library follow it.
UiLanguage currentLanguage();

} // namespace cjm
