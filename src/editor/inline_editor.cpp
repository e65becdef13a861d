#include "inline_editor.hpp"

#include <QKeyEvent>
#include <QTimer>

namespace cjm {

InlineEditor::InlineEditor(QWidget *parent, const QString &text, bool multiLine,
                           std::function<void(std::optional<QString>)> commit)
    : QPlainTextEdit(parent), m_multiLine(multiLine), m_commit(std::move(commit))
{
    setObjectName(QStringLiteral("inlineEditor"));
    setPlainText(text);
    setFrameShape(QFrame::Box);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Tab leaves the editor (which commits it), as in a spreadsheet's cell:
    // a map's text never holds a typed tab.
    setTabChangesFocus(true);
    selectAll();
}

void InlineEditor::commit()
{
    if (m_done)
        return;
    m_done = true;
    const QString text = toPlainText();
    returnFocus();
    hide();
    m_commit(text);
    deleteLater();
}

void InlineEditor::cancel()
{
    if (m_done)
        return;
    m_done = true;
    returnFocus();
    hide();
    m_commit(std::nullopt);
    deleteLater();
}

void InlineEditor::returnFocus()
{
    // Closed from the keyboard (Enter, Esc): the keys go on to the canvas the
    // editor lies on, not to whatever widget Qt would pick next. Closed
    // because the focus went elsewhere (a click, Tab): it stays there.
    if (!hasFocus())
        return;
    for (QWidget *owner = parentWidget(); owner; owner = owner->parentWidget())
        if (owner->focusPolicy() != Qt::NoFocus) {
            owner->setFocus(Qt::OtherFocusReason);
            return;
        }
}

void InlineEditor::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        cancel();
        return;
    }
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        if (m_multiLine && (event->modifiers() & Qt::ShiftModifier)) {
            insertPlainText(QStringLiteral("\n"));
            return;
        }
        commit();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

void InlineEditor::focusOutEvent(QFocusEvent *event)
{
    QPlainTextEdit::focusOutEvent(event);
    // Deferred: the focus change may be this editor being hidden on commit.
    QTimer::singleShot(0, this, &InlineEditor::commit);
}

} // namespace cjm
