#pragma once
// In-place text editing on the canvas: a text box laid over a card, a stage
// or persona name, or the title. Enter commits, Shift+Enter starts a new line
// (where the text may have several), Esc cancels, clicking elsewhere commits.
// Closed by Enter or Esc, it gives the keyboard focus back to the canvas.
// The callback gets the text, or nothing when the edit was cancelled.

#include <QPlainTextEdit>
#include <functional>
#include <optional>

namespace cjm {

class InlineEditor : public QPlainTextEdit {
    Q_OBJECT
public:
    InlineEditor(QWidget *parent, const QString &text, bool multiLine,
                 std::function<void(std::optional<QString>)> commit);

    void commit();
    void cancel();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    // Gives the keyboard focus back to the canvas when the editor has it.
    void returnFocus();

    bool m_multiLine;
    bool m_done = false;
    std::function<void(std::optional<QString>)> m_commit;
};

} // namespace cjm
