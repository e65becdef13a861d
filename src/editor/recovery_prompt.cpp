#include "recovery_prompt.hpp"

#include <QCoreApplication>
#include <QLocale>
#include <QPushButton>

#include "plain_message.hpp"
#include "recovery_store.hpp"

namespace cjm {

// The "main" context: these strings were the app's (src/app/main.cpp), and keep its translations.
RecoveryAnswer askAboutRecoveredMaps(const std::vector<RecoveryEntry> &entries, QWidget *parent)
{
    QStringList lines;
    for (const RecoveryEntry &entry : entries)
        lines << QCoreApplication::translate("main", "“%1”, %2, last kept %3")
                     .arg(entry.title.isEmpty() ? QCoreApplication::translate("main", "Untitled") : entry.title,
                          entry.originalPath.isEmpty() ? QCoreApplication::translate("main", "never saved")
                                                       : entry.originalPath,
                          QLocale().toString(entry.time.toLocalTime(), QLocale::ShortFormat));
    PlainMessageBox box(QMessageBox::Question, QCoreApplication::translate("main", "Restore Unsaved Maps"),
                        QCoreApplication::translate(
                            "main", "CJM Studio did not close normally. These maps had changes that were not saved:"),
                        QMessageBox::NoButton, parent);
    box.setInformativeText(lines.join(QLatin1Char('\n')));
    box.setObjectName(QStringLiteral("restoreUnsavedDialog"));
    QPushButton *restore = box.addButton(QCoreApplication::translate("main", "Restore"), QMessageBox::AcceptRole);
    restore->setObjectName(QStringLiteral("restoreButton"));
    QPushButton *discard = box.addButton(QCoreApplication::translate("main", "Discard"), QMessageBox::DestructiveRole);
    discard->setObjectName(QStringLiteral("discardButton"));
    box.addButton(QCoreApplication::translate("main", "Decide Later"), QMessageBox::RejectRole);
    box.setDefaultButton(restore);
    box.exec();
    if (box.clickedButton() == restore)
        return RecoveryAnswer::Restore;
    if (box.clickedButton() == discard)
        return RecoveryAnswer::Discard;
    return RecoveryAnswer::Later;
}

} // namespace cjm
