#pragma once
// The inspector: every field of what is selected — one card (with the
// fields of its kind), a stage, a persona, or, with nothing selected, the
// journey itself. Edits apply as you type; typing in one field is one undo
// step. Values follow the document (undo, edits on the canvas) without
// taking the cursor away from the field being typed in.

#include <QWidget>
#include <functional>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "cjm/fields.hpp"
#include "document_controller.hpp"

class QFormLayout;
class QLabel;
class QPushButton;
class QScrollArea;

namespace cjm {

class DocumentController;
class MapScene;

class InspectorPanel : public QWidget {
    Q_OBJECT
public:
    InspectorPanel(DocumentController *controller, MapScene *scene, QWidget *parent = nullptr);

    enum class Target { Journey, Card, Stage, Persona };
    Target target() const { return m_target; }
    const std::string &targetId() const { return m_targetId; }
    // After a change of the UI language the panel is built again: the text a
    // user typed in a field and that is not saved (a link that is no web
    // address stays in its field, unsaved, as when the field loses the focus)
    // is carried from `old`, which shows the same target.
    void takeTypedText(const InspectorPanel &old);

public slots:
    void showStage(const std::string &stageId);
    void showPersona(const std::string &personaId);
    void followSelection();
    // Adds a comment by this computer's user, now, to the inspected card.
    void addCommentToCard(const QString &text);

private:
    void rebuild(Target target, const std::string &id);
    void reload(); // values from the document into the widgets
    void buildJourney();
    void buildLanguageField();
    void buildCard(const Card &card, LaneKind kind);
    void buildStage();
    void buildPersona();

    // Sets one field of the target (fields.hpp), named `label` in the undo
    // history. Typing on in one field is one undo step, which holds that
    // field's first and newest value, never the whole card.
    template <typename Entity, typename Value>
    void setTargetField(const QString &label, const EntityField<Entity, Value> &field,
                        std::type_identity_t<Value> value);
    // The same, with the value `change` makes from the field's current one.
    template <typename Entity, typename Value>
    void changeTargetField(const QString &label, const EntityField<Entity, Value> &field,
                           const std::function<void(std::type_identity_t<Value> &)> &change);
    quint64 gestureFor(const QString &field);
    // The row of a plain text field of the inspected entity: a line, or a box
    // `height` px high for several lines. `label` is a QT_TR_NOOP text; the
    // editor is named after it. Edits and loads go through the field table.
    template <typename Entity>
    void addTextRow(const char *label, const EntityField<Entity, std::string> &field, int height = 0);
    // A form row of two buttons ("Choose...", "Remove").
    std::pair<QPushButton *, QPushButton *> addButtonRow(const QString &label, const QString &first,
                                                         const QString &second);
    // Asks for a PNG or JPEG and loads it within the limits; says why not.
    std::optional<Image> choosePicture(const QString &title);

    DocumentController *m_controller;
    MapScene *m_scene;
    QLabel *m_heading;
    QFormLayout *m_form = nullptr;
    QWidget *m_formHost = nullptr;
    QScrollArea *m_scroll;
    Target m_target = Target::Journey;
    std::string m_targetId;
    std::vector<std::function<void()>> m_loaders;
    QString m_lastField;
    std::string m_lastFieldTarget;
    quint64 m_fieldGesture = 0;
    bool m_loading = false;
};

// Reads a PNG or JPEG for a card, within the format's limits (8 MiB,
// 8192 x 8192 pixels); otherwise says why not.
std::optional<Image> loadPictureFile(const QString &path, QString &error);

} // namespace cjm
