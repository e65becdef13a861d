#pragma once
// Installs the UI translation for the system's language (English plural
// forms when no better match exists). Translations are compiled into the
// editor library from resources/translations/*.ts.

namespace cjm {

void installTranslations();

} // namespace cjm
