#include "translations.hpp"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

namespace cjm {

void installTranslations()
{
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (translator->load(QLocale(), QStringLiteral("cjm"), QStringLiteral("_"), QStringLiteral(":/i18n")) ||
        translator->load(QStringLiteral(":/i18n/cjm_en")))
        QCoreApplication::installTranslator(translator);
    else
        delete translator;
}

} // namespace cjm
