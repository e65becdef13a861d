#pragma once
// Text from a map, a file, the file system or the user is data, never markup.
// Qt reads text as HTML in more places than it seems:
// - a QLabel's default Qt::AutoText shows as rich text whatever
//   Qt::mightBeRichText accepts ("<b>", "<img src=...>", "&lt;" on the first
//   line...), pictures loaded from disk included;
// - a QMessageBox has two labels, its text and its informative text;
//   setTextFormat reaches only the first, and both open links with
//   QDesktopServices (openExternalLinks): one click runs the desktop's
//   handler for whatever URL the text holds (file:, a program...);
// - QInputDialog's label is an AutoText QLabel too;
// - a tooltip guesses rich text the same way, and escaping alone is no cure:
//   "a &amp; b" is not recognised as HTML and shows its entity.
// So every message box and input dialog of the editor and the app, every
// label that shows data and every tooltip that does, is made here.

#include <QMessageBox>
#include <QString>
#include <QUrl>
#include <optional>

class QLabel;

namespace cjm {

// Makes every label of `widget` (and of its children) show plain text and
// follow no link, now and again whenever `widget` is shown: labels a dialog
// creates late (an informative text set after construction) are caught too.
void keepLabelsPlain(QWidget *widget);

// A message box whose text and informative text are plain text and whose
// labels open no link. Detailed text is plain already (a QTextEdit given
// setPlainText). Use it, never QMessageBox itself, for any message.
class PlainMessageBox : public QMessageBox {
    Q_OBJECT
public:
    PlainMessageBox(Icon icon, const QString &title, const QString &text, StandardButtons buttons = NoButton,
                    QWidget *parent = nullptr);

    // Shows a warning (text, and informative text when given); returns once closed.
    static void warning(QWidget *parent, const QString &title, const QString &text,
                        const QString &informative = QString());
    // Asks a question with standard buttons; returns the one chosen.
    static StandardButton question(QWidget *parent, Icon icon, const QString &title, const QString &text,
                                   StandardButtons buttons, StandardButton defaultButton);
};

// QInputDialog::getMultiLineText with its label shown as plain text.
QString plainMultiLineText(QWidget *parent, const QString &title, const QString &label, const QString &text, bool *ok);

// A label that shows `text` as plain text, selectable, with no links.
QLabel *plainLabel(const QString &text = QString(), QWidget *parent = nullptr);

// `text` as a tooltip that shows exactly `text`: rich text that holds it
// escaped (tooltips have no text format of their own), line breaks kept.
QString plainToolTip(const QString &text);

// A link from a map, when it is one the desktop may open on a user's click:
// http and https with a host, and mailto. Anything else (file:, a local
// path, javascript:, a custom scheme that starts a program) is nullopt.
std::optional<QUrl> openableLink(const QString &text);

} // namespace cjm
