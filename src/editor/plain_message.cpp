#include "plain_message.hpp"

#include <QEvent>
#include <QInputDialog>
#include <QLabel>

namespace cjm {

namespace {

void makeLabelPlain(QLabel *label)
{
    // The text format is what keeps markup out: a plain-text label has no
    // link to follow and loads no picture. The rest is belt and braces for a
    // style change that hands a label its link flags back.
    label->setTextFormat(Qt::PlainText);
    label->setOpenExternalLinks(false);
    label->setTextInteractionFlags(label->textInteractionFlags() &
                                   ~(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard));
}

void makeLabelsPlain(QWidget *widget)
{
    if (auto *label = qobject_cast<QLabel *>(widget))
        makeLabelPlain(label);
    for (QLabel *label : widget->findChildren<QLabel *>())
        makeLabelPlain(label);
}

// Applies makeLabelsPlain again each time the watched widget is shown. An
// event filter sees the show event before the widget does, so a message box
// sizes itself (in its showEvent) for the plain text it will show.
class PlainLabelsGuard : public QObject {
public:
    explicit PlainLabelsGuard(QWidget *watched) : QObject(watched)
    {
        setObjectName(QStringLiteral("cjm_plainLabelsGuard"));
        watched->installEventFilter(this);
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Show)
            makeLabelsPlain(static_cast<QWidget *>(watched));
        return false;
    }
};

} // namespace

void keepLabelsPlain(QWidget *widget)
{
    makeLabelsPlain(widget);
    if (!widget->findChild<PlainLabelsGuard *>(QStringLiteral("cjm_plainLabelsGuard"), Qt::FindDirectChildrenOnly))
        new PlainLabelsGuard(widget);
}

// QMessageBox's informative label is created by setInformativeText, a
// non-virtual function, and setTextFormat never reaches it. Escaping the text
// and showing it as rich text would also work, but would leave each caller
// to remember the escaping (and to leave Qt's openExternalLinks armed for
// the day one forgets). Finding the labels instead, at construction and
// again at every show, keeps whatever text is set plain without the caller
// doing anything: the safe way is the only way.
PlainMessageBox::PlainMessageBox(Icon icon, const QString &title, const QString &text, StandardButtons buttons,
                                 QWidget *parent)
    : QMessageBox(icon, title, text, buttons, parent)
{
    setTextFormat(Qt::PlainText);
    keepLabelsPlain(this);
}

void PlainMessageBox::warning(QWidget *parent, const QString &title, const QString &text, const QString &informative)
{
    PlainMessageBox box(Warning, title, text, Ok, parent);
    if (!informative.isEmpty())
        box.setInformativeText(informative);
    box.exec();
}

QMessageBox::StandardButton PlainMessageBox::question(QWidget *parent, Icon icon, const QString &title,
                                                      const QString &text, StandardButtons buttons,
                                                      StandardButton defaultButton)
{
    PlainMessageBox box(icon, title, text, buttons, parent);
    box.setDefaultButton(defaultButton);
    box.exec();
    return box.standardButton(box.clickedButton());
}

QString plainMultiLineText(QWidget *parent, const QString &title, const QString &label, const QString &text, bool *ok)
{
    QInputDialog dialog(parent);
    dialog.setWindowTitle(title);
    dialog.setLabelText(label);
    dialog.setOptions(QInputDialog::UsePlainTextEditForTextInput);
    dialog.setTextValue(text);
    keepLabelsPlain(&dialog);
    const bool accepted = dialog.exec() == QDialog::Accepted;
    if (ok)
        *ok = accepted;
    return accepted ? dialog.textValue() : QString();
}

QLabel *plainLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(parent);
    makeLabelPlain(label);
    label->setText(text);
    return label;
}

QString plainToolTip(const QString &text)
{
    if (text.isEmpty())
        return QString(); // no tooltip at all
    // Always rich text (a tooltip guesses, and would take "a &amp; b" for
    // plain text), holding the text escaped; pre-wrap keeps its line breaks
    // and runs of spaces.
    return QStringLiteral("<p style='white-space:pre-wrap'>%1</p>").arg(text.toHtmlEscaped());
}

std::optional<QUrl> openableLink(const QString &text)
{
    const QUrl url(text.trimmed()); // tolerant: a space or "<" in a path is encoded, not a reason to refuse
    if (!url.isValid() || url.isRelative())
        return std::nullopt;
    const QString scheme = url.scheme(); // QUrl keeps schemes in lower case
    if ((scheme == QLatin1String("http") || scheme == QLatin1String("https")) && !url.host().isEmpty())
        return url;
    if (scheme == QLatin1String("mailto") && !url.path().isEmpty())
        return url;
    return std::nullopt;
}

} // namespace cjm
