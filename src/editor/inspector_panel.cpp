#include "inspector_panel.hpp"

#include <QBuffer>
#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QDate>
#include <QDateEdit>
#include <QDateTime>
#include <QDesktopServices>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHash>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSet>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QUrl>
#include <QVBoxLayout>
#include <cmath>

#include "cjm/file_io.hpp"
#include "document_controller.hpp"
#include "file_paths.hpp"
#include "map_operations.hpp"
#include "map_scene.hpp"
#include "map_style.hpp"
#include "plain_message.hpp"
#include "qt_text.hpp"

namespace cjm {

namespace {

// Sets a widget's value from the document without firing its change signal
// and without moving the cursor of a field that already shows that value.
void setTextKeepingCursor(QLineEdit *edit, const QString &text)
{
    if (edit->text() != text) {
        QSignalBlocker block(edit);
        edit->setText(text);
    }
}
// The form's own named line edits (not a combo box's or spin box's), by name.
QHash<QString, QLineEdit *> namedLineEdits(const QWidget *panel)
{
    QHash<QString, QLineEdit *> edits;
    QSet<QString> twice;
    for (QLineEdit *edit : panel->findChildren<QLineEdit *>()) {
        const QString name = edit->objectName();
        if (name.isEmpty() || edit->isReadOnly() || qobject_cast<QComboBox *>(edit->parentWidget()) ||
            qobject_cast<QAbstractSpinBox *>(edit->parentWidget()))
            continue;
        if (edits.contains(name))
            twice.insert(name);
        edits.insert(name, edit);
    }
    for (const QString &name : twice)
        edits.remove(name); // no telling which is which
    return edits;
}

void setTextKeepingCursor(QPlainTextEdit *edit, const QString &text)
{
    if (edit->toPlainText() != text) {
        QSignalBlocker block(edit);
        edit->setPlainText(text);
    }
}

QString joinTags(const std::vector<std::string> &tags)
{
    QStringList list;
    for (const auto &t : tags)
        list << toQString(t);
    return list.join(QStringLiteral(", "));
}

std::vector<std::string> splitTags(const QString &text)
{
    std::vector<std::string> tags;
    for (const QString &t : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!t.trimmed().isEmpty())
            tags.push_back(toStdString(t.trimmed()));
    return tags;
}

const char *kFaces[] = {"😫", "😟", "🙁", "😐", "🙂", "😊", "😄"};

// Gives every field of the form its row's label as accessible name, so a
// screen reader says "Severity", not "combo box". A row that is a layout
// (a slider and its face, a link and its Open button) names its first
// input; buttons, check boxes and labels speak their own text.
// Tab in a multi-line field moves on to the next field: a map's text never
// holds a typed tab, and Tab from the palette or canvas must not edit it.
void tabsMoveFocus(QWidget *host)
{
    for (auto *edit : host->findChildren<QPlainTextEdit *>())
        edit->setTabChangesFocus(true);
}

// A combo box is by default as wide as its longest entry (a channel's name
// and icon), which pushed the form wider than the dock; it elides instead.
void letCombosNarrow(QWidget *host)
{
    for (auto *combo : host->findChildren<QComboBox *>()) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(8);
    }
}

void nameFieldsByLabels(QFormLayout *form)
{
    for (int row = 0; row < form->rowCount(); ++row) {
        QLayoutItem *labelItem = form->itemAt(row, QFormLayout::LabelRole);
        QLayoutItem *fieldItem = form->itemAt(row, QFormLayout::FieldRole);
        auto *label = labelItem ? qobject_cast<QLabel *>(labelItem->widget()) : nullptr;
        if (!label || !fieldItem)
            continue;
        QString name = label->text();
        name.remove(QLatin1Char('&'));
        if (name.endsWith(QLatin1Char(':')))
            name.chop(1);
        QWidget *field = fieldItem->widget();
        for (int i = 0; !field && fieldItem->layout() && i < fieldItem->layout()->count(); ++i) {
            QWidget *part = fieldItem->layout()->itemAt(i)->widget();
            if (part && !qobject_cast<QAbstractButton *>(part) && !qobject_cast<QLabel *>(part))
                field = part;
        }
        if (field && field->accessibleName().isEmpty())
            field->setAccessibleName(name);
    }
}

} // namespace

std::optional<Image> loadPictureFile(const QString &path, QString &error)
{
    // Read once, through core's reader (a named pipe or a device is refused,
    // not waited on), and judged from those bytes.
    std::string raw;
    if (!defaultFileSystem().readAll(nativePath(path), raw, 8 * 1024 * 1024).ok) {
        error = InspectorPanel::tr("The picture could not be read, or is larger than 8 MiB.");
        return std::nullopt;
    }
    QByteArray bytes(raw.data(), static_cast<qsizetype>(raw.size()));
    QBuffer buffer(&bytes);
    QImageReader reader(&buffer);
    const QByteArray format = reader.format();
    if (format != "png" && format != "jpeg") {
        error = InspectorPanel::tr("Only PNG and JPEG pictures can go on a card.");
        return std::nullopt;
    }
    const QSize size = reader.size();
    if (!size.isValid() || size.width() > 8192 || size.height() > 8192) {
        error = InspectorPanel::tr("The picture is too large: at most 8192 x 8192 pixels.");
        return std::nullopt;
    }
    return Image{format == "png" ? "image/png" : "image/jpeg", bytes.toBase64().toStdString(), {}};
}

std::pair<QPushButton *, QPushButton *> InspectorPanel::addButtonRow(const QString &label, const QString &first,
                                                                     const QString &second)
{
    auto *a = new QPushButton(first);
    auto *b = new QPushButton(second);
    auto *row = new QHBoxLayout;
    row->addWidget(a);
    row->addWidget(b);
    m_form->addRow(label, row);
    return {a, b};
}

std::optional<Image> InspectorPanel::choosePicture(const QString &title)
{
    const QString path = QFileDialog::getOpenFileName(this, title, QString(), tr("Pictures (*.png *.jpg *.jpeg)"));
    if (path.isEmpty())
        return std::nullopt;
    QString error;
    auto image = loadPictureFile(path, error);
    if (!image)
        PlainMessageBox::warning(this, tr("Picture Not Added"), error);
    return image;
}

void InspectorPanel::addCommentToCard(const QString &text)
{
    changeTargetField(tr("Comments"), fields::card::comments, [&](std::vector<Comment> &comments) {
        Comment comment;
        const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
        if (!user.isEmpty())
            comment.author = toStdString(user);
        comment.text = toStdString(text);
        comment.time = toStdString(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
        comments.push_back(std::move(comment));
    });
}

InspectorPanel::InspectorPanel(DocumentController *controller, MapScene *scene, QWidget *parent)
    : QWidget(parent), m_controller(controller), m_scene(scene)
{
    setObjectName(QStringLiteral("inspector"));
    m_heading = plainLabel(QString(), this);
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    // The form follows the dock's width (fields shrink, long texts wrap);
    // it never scrolls sideways.
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_scroll, 1);

    connect(scene, &MapScene::cardSelectionChanged, this, &InspectorPanel::followSelection);
    connect(controller, &DocumentController::documentReset, this, &InspectorPanel::followSelection);
    auto structureChanged = [this] {
        // The target may be gone (undo of an add, a removed stage).
        const Document &doc = m_controller->document();
        if ((m_target == Target::Stage && !doc.stage(m_targetId)) ||
            (m_target == Target::Persona && !doc.persona(m_targetId)))
            rebuild(Target::Journey, {});
        else
            reload();
    };
    connect(controller, &DocumentController::changed, this, [this, structureChanged](const ChangeSet &changes) {
        if (changes.touchesStructure() || changes.touchesLabels()) {
            structureChanged();
            return;
        }
        switch (m_target) {
        case Target::Journey:
            if (changes.touchesJourney())
                reload();
            break;
        case Target::Card:
            if (!m_controller->document().card(m_targetId))
                followSelection();
            else if (changes.find(EntityKind::Card, m_targetId))
                reload();
            break;
        default: break;
        }
    });
    rebuild(Target::Journey, {});
}

void InspectorPanel::followSelection()
{
    const auto &selected = m_scene->selectedCards();
    if (selected.size() == 1 && m_controller->document().card(*selected.begin()))
        rebuild(Target::Card, *selected.begin());
    else if (selected.empty() && (m_target == Target::Card || !m_controller->document().contains(m_targetId)))
        rebuild(Target::Journey, {});
    else if (selected.size() > 1) {
        if (m_target != Target::Journey) // a rubber band changes the count on every mouse move
            rebuild(Target::Journey, {});
        m_heading->setText(tr("%n card(s) selected", "", static_cast<int>(selected.size())));
    }
}

void InspectorPanel::showStage(const std::string &stageId) { rebuild(Target::Stage, stageId); }
void InspectorPanel::showPersona(const std::string &personaId) { rebuild(Target::Persona, personaId); }

quint64 InspectorPanel::gestureFor(const QString &field)
{
    // Typing on in the same field of the same thing merges into one step.
    if (field != m_lastField || m_targetId != m_lastFieldTarget) {
        m_lastField = field;
        m_lastFieldTarget = m_targetId;
        m_fieldGesture = m_controller->beginGesture();
    }
    return m_fieldGesture;
}

template <typename Entity, typename Value>
void InspectorPanel::setTargetField(const QString &label, const EntityField<Entity, Value> &field,
                                    std::type_identity_t<Value> value)
{
    if (m_loading)
        return;
    // Typing on in one field merges into one step; the operation names it.
    m_controller->operations().setField(field, m_targetId, std::move(value), gestureFor(label));
}

template <typename Entity, typename Value>
void InspectorPanel::changeTargetField(const QString &label, const EntityField<Entity, Value> &field,
                                       const std::function<void(std::type_identity_t<Value> &)> &change)
{
    if (m_loading)
        return;
    const Entity *current = findEntity<Entity>(m_controller->document(), m_targetId);
    if (!current)
        return;
    Value value = (*current).*(field.member);
    change(value);
    setTargetField(label, field, std::move(value));
}

void InspectorPanel::reload()
{
    m_loading = true;
    for (const auto &load : m_loaders)
        load();
    m_loading = false;
}

void InspectorPanel::rebuild(Target target, const std::string &id)
{
    m_target = target;
    m_targetId = id;
    m_loaders.clear();
    m_formHost = new QWidget;
    m_form = new QFormLayout(m_formHost);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    // Labels above their fields: a dock ~320 px wide leaves no room for a
    // label column, and a long label ("Next review:") would push every field
    // off the right edge. Rows sit at the top; no gaps open between them.
    m_form->setRowWrapPolicy(QFormLayout::WrapAllRows);
    m_form->setLabelAlignment(Qt::AlignLeft);
    m_form->setFormAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_scroll->setWidget(m_formHost); // deletes the previous form
    const Document &doc = m_controller->document();
    switch (target) {
    case Target::Card:
        if (const Card *card = doc.card(id)) {
            m_heading->setText(tr("Card: %1").arg(laneKindDisplayName(doc.cardKind(*card))));
            buildCard(*card, doc.cardKind(*card));
        }
        break;
    case Target::Stage:
        m_heading->setText(tr("Stage"));
        buildStage();
        break;
    case Target::Persona:
        m_heading->setText(tr("Persona"));
        buildPersona();
        break;
    case Target::Journey:
        m_heading->setText(tr("Journey map"));
        buildJourney();
        break;
    }
    nameFieldsByLabels(m_form);
    tabsMoveFocus(m_formHost);
    letCombosNarrow(m_formHost);
    reload();
    // setText leaves the cursor at the end, which shows a long text (a
    // title, a goal) by its tail: a form just built shows each field's start.
    // (Only here: moving the cursor of a field on a later load could put the
    // letters being typed elsewhere.)
    for (QLineEdit *edit : m_formHost->findChildren<QLineEdit *>())
        edit->setCursorPosition(0);
}

// --- field factories -------------------------------------------------------
// Each adds a row, wires its edits, and registers how to load its value.

template <typename Entity>
void InspectorPanel::addTextRow(const char *label, const EntityField<Entity, std::string> &field, int height)
{
    auto load = [this, field](auto *edit) {
        m_loaders.push_back([this, edit, field] {
            if (const Entity *entity = findEntity<Entity>(m_controller->document(), m_targetId))
                setTextKeepingCursor(edit, toQString(entity->*(field.member)));
        });
    };
    if (height == 0) {
        auto *edit = new QLineEdit;
        edit->setObjectName(QLatin1String(label));
        m_form->addRow(tr(label) + QLatin1Char(':'), edit);
        connect(edit, &QLineEdit::textEdited, this,
                [this, field, label](const QString &text) { setTargetField(tr(label), field, toStdString(text)); });
        load(edit);
    } else {
        auto *edit = new QPlainTextEdit;
        edit->setObjectName(QLatin1String(label));
        edit->setMaximumHeight(height);
        m_form->addRow(tr(label) + QLatin1Char(':'), edit);
        connect(edit, &QPlainTextEdit::textChanged, this,
                [this, edit, field, label] { setTargetField(tr(label), field, toStdString(edit->toPlainText())); });
        load(edit);
    }
}

void InspectorPanel::buildJourney()
{
    addTextRow(QT_TR_NOOP("Title"), fields::journey::title);
    addTextRow(QT_TR_NOOP("Description"), fields::journey::description, 70);
    addTextRow(QT_TR_NOOP("Goal"), fields::journey::goal);
    auto *type = new QComboBox;
    type->setObjectName(QStringLiteral("Type"));
    for (MapType t : {MapType::Current, MapType::Future, MapType::DayInLife})
        type->addItem(mapTypeDisplayName(t), static_cast<int>(t));
    m_form->addRow(tr("Map type:"), type);
    connect(type, &QComboBox::currentIndexChanged, this, [this, type] {
        setTargetField(tr("Map type"), fields::journey::type, static_cast<MapType>(type->currentData().toInt()));
    });
    m_loaders.push_back([this, type] {
        QSignalBlocker b(type);
        type->setCurrentIndex(type->findData(static_cast<int>(m_controller->document().journey().type)));
    });
    addTextRow(QT_TR_NOOP("Segment"), fields::journey::segment);
    addTextRow(QT_TR_NOOP("Owner"), fields::journey::owner);
    buildLanguageField();
    auto *interval = new QSpinBox;
    interval->setObjectName(QStringLiteral("Review interval"));
    interval->setRange(fields::journey::reviewIntervalDays.min, fields::journey::reviewIntervalDays.max);
    interval->setSuffix(tr(" days"));
    interval->setSpecialValueText(tr("No review schedule"));
    m_form->addRow(tr("Review every:"), interval);
    connect(interval, &QSpinBox::valueChanged, this,
            [this](int days) { setTargetField(tr("Review interval"), fields::journey::reviewIntervalDays, days); });
    m_loaders.push_back([this, interval] {
        QSignalBlocker b(interval);
        interval->setValue(m_controller->document().journey().reviewIntervalDays);
    });
    auto *hasNext = new QCheckBox(tr("Next review on"));
    auto *next = new QDateEdit;
    next->setCalendarPopup(true);
    next->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    auto *row = new QHBoxLayout;
    row->addWidget(hasNext);
    row->addWidget(next, 1);
    m_form->addRow(tr("Next review:"), row);
    auto applyNext = [this, hasNext, next] {
        setTargetField(tr("Next review"), fields::journey::nextReview,
                       hasNext->isChecked() ? std::optional(toStdString(next->date().toString(Qt::ISODate)))
                                            : std::nullopt);
    };
    connect(hasNext, &QCheckBox::toggled, this, applyNext);
    connect(next, &QDateEdit::dateChanged, this, applyNext);
    m_loaders.push_back([this, hasNext, next] {
        QSignalBlocker b1(hasNext), b2(next);
        const auto &value = m_controller->document().journey().nextReview;
        hasNext->setChecked(value.has_value());
        next->setEnabled(value.has_value());
        next->setDate(value ? QDate::fromString(toQString(*value), Qt::ISODate) : QDate::currentDate());
    });
}

void InspectorPanel::buildLanguageField()
{
    // The map's language: the common ones to pick, any other BCP 47 tag to
    // type (written in its conventional case); a tag that is not one is
    // refused with a message under the field and the map keeps its language.
    auto *language = new QComboBox;
    language->setObjectName(QStringLiteral("Map language"));
    language->setEditable(true);
    language->setInsertPolicy(QComboBox::NoInsert);
    language->addItem(tr("The UI language"), QString());
    language->addItem(QStringLiteral("en"), QStringLiteral("en"));
    language->addItem(QStringLiteral("zh-CN"), QStringLiteral("zh-CN"));
    language->addItem(QStringLiteral("zh-TW"), QStringLiteral("zh-TW"));
    language->setToolTip(tr("The language of the map's text, as a BCP 47 tag such as en, zh-CN or de-CH; "
                            "it decides the language of what the program draws on the map."));
    QLabel *problem = plainLabel();
    problem->setObjectName(QStringLiteral("Map language problem"));
    problem->setWordWrap(true);
    problem->hide();
    auto *box = new QVBoxLayout;
    box->setContentsMargins(0, 0, 0, 0);
    box->addWidget(language);
    box->addWidget(problem);
    m_form->addRow(tr("Map language:"), box);
    auto show = [language](const std::optional<std::string> &tag) {
        QSignalBlocker b(language);
        const int index = language->findData(tag ? toQString(*tag) : QString());
        if (index >= 0)
            language->setCurrentIndex(index);
        else
            language->setEditText(toQString(*tag));
    };
    auto apply = [this, language, problem, show] {
        if (m_loading)
            return;
        const QString typed = language->currentText().trimmed();
        const int known = language->findText(typed);
        if (known >= 0 || typed.isEmpty()) {
            problem->hide();
            const QString tag = known >= 0 ? language->itemData(known).toString() : QString();
            setTargetField(tr("Map language"), fields::journey::language,
                           tag.isEmpty() ? std::nullopt : std::optional(toStdString(tag)));
            return;
        }
        const std::optional<std::string> tag = canonicalLanguageTag(toStdString(typed));
        if (!tag) {
            problem->setText(tr("\"%1\" is not a language tag. Use one such as en, zh-CN or de-CH.").arg(typed));
            problem->show();
            return;
        }
        problem->hide();
        setTargetField(tr("Map language"), fields::journey::language, tag);
        show(tag); // in its conventional case
    };
    connect(language, &QComboBox::activated, this, apply);
    connect(language->lineEdit(), &QLineEdit::editingFinished, this, apply);
    m_loaders.push_back([this, language, show] {
        if (!language->lineEdit()->hasFocus())
            show(m_controller->document().journey().language);
    });
}

void InspectorPanel::buildStage()
{
    addTextRow(QT_TR_NOOP("Name"), fields::stage::name);
    addTextRow(QT_TR_NOOP("Description"), fields::stage::description, 70);
    auto *phase = new QComboBox;
    phase->setObjectName(QStringLiteral("Phase"));
    phase->addItem(tr("(none)"), static_cast<int>(Phase::None));
    for (Phase p : {Phase::Before, Phase::During, Phase::After})
        phase->addItem(phaseDisplayName(p), static_cast<int>(p));
    m_form->addRow(tr("Phase:"), phase);
    connect(phase, &QComboBox::currentIndexChanged, this, [this, phase] {
        setTargetField(tr("Phase"), fields::stage::phase, static_cast<Phase>(phase->currentData().toInt()));
    });
    auto [color, reset] = addButtonRow(tr("Colour:"), tr("Choose..."), tr("Default"));
    connect(color, &QPushButton::clicked, this, [this] {
        const Stage *s = m_controller->document().stage(m_targetId);
        const QColor chosen = QColorDialog::getColor(s && s->color ? QColor(toQString(*s->color)) : Qt::white, this);
        if (chosen.isValid())
            setTargetField(tr("Colour"), fields::stage::color, toStdString(chosen.name()));
    });
    connect(reset, &QPushButton::clicked, this,
            [this] { setTargetField(tr("Colour"), fields::stage::color, std::nullopt); });
    m_loaders.push_back([this, phase] {
        const Stage *s = m_controller->document().stage(m_targetId);
        if (!s)
            return;
        QSignalBlocker b(phase);
        phase->setCurrentIndex(phase->findData(static_cast<int>(s->phase)));
    });
}

void InspectorPanel::buildPersona()
{
    addTextRow(QT_TR_NOOP("Name"), fields::persona::name);
    addTextRow(QT_TR_NOOP("Segment"), fields::persona::segment);
    addTextRow(QT_TR_NOOP("Description"), fields::persona::description, 60);
    addTextRow(QT_TR_NOOP("Goals"), fields::persona::goals, 60);
    addTextRow(QT_TR_NOOP("Needs"), fields::persona::needs, 60);
    addTextRow(QT_TR_NOOP("Frustrations"), fields::persona::frustrations, 60);
    auto [color, reset] = addButtonRow(tr("Colour:"), tr("Choose..."), tr("Default"));
    connect(color, &QPushButton::clicked, this, [this] {
        const QColor chosen = QColorDialog::getColor(Qt::white, this);
        if (chosen.isValid())
            setTargetField(tr("Colour"), fields::persona::color, toStdString(chosen.name()));
    });
    connect(reset, &QPushButton::clicked, this,
            [this] { setTargetField(tr("Colour"), fields::persona::color, std::nullopt); });
    auto [avatar, noAvatar] = addButtonRow(tr("Avatar:"), tr("Choose picture..."), tr("Remove"));
    connect(avatar, &QPushButton::clicked, this, [this] {
        if (auto image = choosePicture(tr("Choose an Avatar")))
            setTargetField(tr("Avatar"), fields::persona::avatar, std::move(image));
    });
    connect(noAvatar, &QPushButton::clicked, this,
            [this] { setTargetField(tr("Avatar"), fields::persona::avatar, std::nullopt); });
}

void InspectorPanel::buildCard(const Card &card, LaneKind kind)
{
    (void)card;
    auto *text = new QPlainTextEdit;
    text->setObjectName(QStringLiteral("Text"));
    text->setMaximumHeight(80);
    m_form->addRow(kind == LaneKind::Emotions ? tr("Feeling:") : tr("Text:"), text);
    connect(text, &QPlainTextEdit::textChanged, this,
            [this, text] { setTargetField(tr("Text"), fields::card::text, toStdString(text->toPlainText())); });
    addTextRow(QT_TR_NOOP("Notes"), fields::card::notes, 80);
    auto *tags = new QLineEdit;
    tags->setObjectName(QStringLiteral("Tags"));
    tags->setPlaceholderText(tr("comma, separated"));
    m_form->addRow(tr("Tags:"), tags);
    connect(tags, &QLineEdit::textEdited, this,
            [this](const QString &value) { setTargetField(tr("Tags"), fields::card::tags, splitTags(value)); });
    auto *link = new QLineEdit;
    link->setObjectName(QStringLiteral("Link"));
    link->setPlaceholderText(QStringLiteral("https://"));
    auto *open = new QPushButton(tr("Open"));
    open->setObjectName(QStringLiteral("openLinkButton"));
    auto *linkRow = new QHBoxLayout;
    linkRow->addWidget(link, 1);
    linkRow->addWidget(open);
    m_form->addRow(tr("Link:"), linkRow);
    // Said once the typing is done (Enter, Tab, a click elsewhere), not at
    // each letter of "https://" on its way.
    auto *notSaved = plainLabel(tr("Only web addresses (http:// or https://) are kept: this link is not saved."));
    notSaved->setObjectName(QStringLiteral("linkNotSavedLabel"));
    notSaved->setWordWrap(true);
    notSaved->hide();
    m_form->addRow(QString(), notSaved);
    const auto isWeb = [](const QString &trimmed) {
        return trimmed.startsWith(QLatin1String("http://"), Qt::CaseInsensitive) ||
               trimmed.startsWith(QLatin1String("https://"), Qt::CaseInsensitive);
    };
    connect(link, &QLineEdit::editingFinished, notSaved, [link, notSaved, isWeb] {
        const QString trimmed = link->text().trimmed();
        notSaved->setVisible(!trimmed.isEmpty() && !isWeb(trimmed));
    });
    connect(link, &QLineEdit::textEdited, this, [this, notSaved, isWeb](const QString &value) {
        // Only web addresses are kept; anything else stays in the field, unsaved.
        const QString trimmed = value.trimmed();
        const bool web = isWeb(trimmed);
        if (web || trimmed.isEmpty())
            notSaved->hide();
        if (trimmed.isEmpty())
            setTargetField(tr("Link"), fields::card::link, std::nullopt);
        else if (web)
            setTargetField(tr("Link"), fields::card::link, toStdString(trimmed));
    });
    connect(open, &QPushButton::clicked, this, [this] {
        const Card *c = m_controller->document().card(m_targetId);
        if (!c || !c->link)
            return;
        // Opened on this click only, and only a web or mail address: a file:
        // URL, a local path, javascript: or a scheme some program registered
        // is never handed to the desktop, whatever the map says.
        const QString text = toQString(*c->link);
        if (const std::optional<QUrl> url = openableLink(text))
            QDesktopServices::openUrl(*url);
        else
            PlainMessageBox::warning(this, tr("Link Not Opened"),
                                     tr("Only web (http, https) and e-mail (mailto) links are opened."), text);
    });
    std::vector<std::function<void(const Card &)>> loads;
    loads.push_back([text, tags, link, open, notSaved](const Card &c) {
        setTextKeepingCursor(text, toQString(c.text));
        if (splitTags(tags->text()) != c.tags)
            setTextKeepingCursor(tags, joinTags(c.tags));
        if (!link->hasFocus()) {
            setTextKeepingCursor(link, c.link ? toQString(*c.link) : QString());
            notSaved->hide(); // the field shows the card's link again
        }
        open->setEnabled(c.link.has_value());
        // The whole address that a click opens, as the browser will get it.
        const std::optional<QUrl> url = c.link ? openableLink(toQString(*c.link)) : std::nullopt;
        open->setToolTip(!c.link ? QString()
                         : url   ? plainToolTip(tr("Opens %1").arg(url->toString(QUrl::FullyEncoded)))
                                 : plainToolTip(tr("Not a web or e-mail address: it is not opened.")));
    });

    auto levelCombo = [this, &loads](const char *label, const EntityField<Card, int> &field) {
        auto *combo = new QComboBox;
        combo->setObjectName(QLatin1String(label));
        combo->addItem(tr("Low"), 1);
        combo->addItem(tr("Medium"), 2);
        combo->addItem(tr("High"), 3);
        m_form->addRow(tr(label) + QLatin1Char(':'), combo);
        connect(combo, &QComboBox::currentIndexChanged, this,
                [this, combo, field, label] { setTargetField(tr(label), field, combo->currentData().toInt()); });
        loads.push_back([combo, field](const Card &c) {
            QSignalBlocker b(combo);
            combo->setCurrentIndex(combo->findData(c.*(field.member)));
        });
    };

    switch (kind) {
    case LaneKind::Touchpoints: {
        auto *channel = new QComboBox;
        channel->setObjectName(QStringLiteral("Channel"));
        channel->setEditable(true);
        channel->addItem(QString(), QString());
        for (auto known : kKnownChannels)
            channel->addItem(QIcon(channelIconPath(std::string(known))), channelDisplayName(std::string(known)),
                             toQString(known));
        m_form->addRow(tr("Channel:"), channel);
        connect(channel, &QComboBox::currentIndexChanged, this, [this, channel](int index) {
            if (index < 0)
                return;
            const QString id = channel->itemData(index).toString();
            setTargetField(tr("Channel"), fields::card::channel,
                           toStdString(id.isEmpty() ? channel->currentText() : id));
        });
        connect(channel->lineEdit(), &QLineEdit::textEdited, this, [this, channel](const QString &value) {
            const int known = channel->findText(value);
            const QString id = known >= 0 ? channel->itemData(known).toString() : value;
            setTargetField(tr("Channel"), fields::card::channel, toStdString(id));
        });
        auto *direct = new QCheckBox(tr("Direct: the business controls this touchpoint"));
        direct->setObjectName(QStringLiteral("Direct"));
        m_form->addRow(QString(), direct);
        connect(direct, &QCheckBox::toggled, this,
                [this](bool on) { setTargetField(tr("Direct"), fields::card::direct, on); });
        loads.push_back([channel, direct](const Card &c) {
            QSignalBlocker b1(channel), b2(direct);
            const int index = channel->findData(toQString(c.channel));
            if (index >= 0)
                channel->setCurrentIndex(index);
            else if (!channel->lineEdit()->hasFocus())
                channel->setEditText(toQString(c.channel));
            direct->setChecked(c.direct);
        });
        // The six touchpoint audit criteria (core's auditCriteria()), 0 = not rated.
        for (const AuditCriterion &criterion : auditCriteria()) {
            const QString name = QCoreApplication::translate("AuditCriteria", std::string(criterion.name).c_str());
            auto *spin = new QSpinBox;
            spin->setObjectName(QString::fromUtf8(criterion.name.data(), qsizetype(criterion.name.size())));
            spin->setRange(0, kMaxAuditRating);
            spin->setSpecialValueText(tr("not rated"));
            m_form->addRow(name + QLatin1Char(':'), spin);
            connect(spin, &QSpinBox::valueChanged, this, [this, &criterion, name](int value) {
                if (!m_loading)
                    m_controller->operations().setAuditRating(m_targetId, criterion, value, gestureFor(name));
            });
            loads.push_back([spin, field = criterion.field](const Card &c) {
                QSignalBlocker b(spin);
                spin->setValue(c.audit ? (*c.audit).*field : 0);
            });
        }
        auto *auditNote = new QLineEdit;
        auditNote->setObjectName(QStringLiteral("Audit note"));
        m_form->addRow(tr("Audit note:"), auditNote);
        connect(auditNote, &QLineEdit::textEdited, this, [this](const QString &value) {
            changeTargetField(tr("Audit note"), fields::card::audit, [&](std::optional<Audit> &audit) {
                if (!audit)
                    audit.emplace();
                audit->note = toStdString(value);
            });
        });
        auto *wasReviewed = new QCheckBox(tr("Reviewed on"));
        wasReviewed->setObjectName(QStringLiteral("Reviewed"));
        auto *reviewedOn = new QDateEdit;
        reviewedOn->setObjectName(QStringLiteral("Reviewed on"));
        reviewedOn->setCalendarPopup(true);
        reviewedOn->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        auto *reviewedRow = new QHBoxLayout;
        reviewedRow->addWidget(wasReviewed);
        reviewedRow->addWidget(reviewedOn, 1);
        m_form->addRow(tr("Reviewed:"), reviewedRow);
        auto applyReviewed = [this, wasReviewed, reviewedOn] {
            changeTargetField(tr("Reviewed"), fields::card::audit, [&](std::optional<Audit> &audit) {
                if (!audit)
                    audit.emplace();
                if (wasReviewed->isChecked())
                    audit->reviewed = toStdString(reviewedOn->date().toString(Qt::ISODate));
                else
                    audit->reviewed.reset();
            });
        };
        connect(wasReviewed, &QCheckBox::toggled, this, applyReviewed);
        connect(reviewedOn, &QDateEdit::dateChanged, this, applyReviewed);
        loads.push_back([auditNote, wasReviewed, reviewedOn](const Card &c) {
            setTextKeepingCursor(auditNote, c.audit ? toQString(c.audit->note) : QString());
            QSignalBlocker b1(wasReviewed), b2(reviewedOn);
            const bool has = c.audit && c.audit->reviewed;
            wasReviewed->setChecked(has);
            reviewedOn->setEnabled(has);
            reviewedOn->setDate(has ? QDate::fromString(toQString(*c.audit->reviewed), Qt::ISODate)
                                    : QDate::currentDate());
        });
        break;
    }
    case LaneKind::Emotions: {
        auto *slider = new QSlider(Qt::Horizontal);
        slider->setObjectName(QStringLiteral("Score"));
        slider->setRange(fields::card::score.min, fields::card::score.max);
        slider->setTickPosition(QSlider::TicksBelow);
        QLabel *face = plainLabel();
        auto *row = new QHBoxLayout;
        row->addWidget(slider, 1);
        row->addWidget(face);
        m_form->addRow(tr("Score:"), row);
        connect(slider, &QSlider::valueChanged, this, [this, face](int value) {
            face->setText(QString::fromUtf8(kFaces[value + 3]) + QStringLiteral(" %1").arg(value));
            setTargetField(tr("Score"), fields::card::score, value);
        });
        loads.push_back([slider, face](const Card &c) {
            QSignalBlocker b(slider);
            const int value = c.score.value_or(0);
            slider->setValue(value);
            face->setText(QString::fromUtf8(kFaces[value + 3]) + QStringLiteral(" %1").arg(value));
        });
        // How the customer should feel here; the gap to the score is what
        // the Insights panel ranks. "None" leaves the card without one.
        auto *desired = new QComboBox;
        desired->setObjectName(QStringLiteral("Desired"));
        desired->addItem(tr("None"), QVariant());
        for (int value = fields::card::desired.max; value >= fields::card::desired.min; --value)
            desired->addItem(QString::fromUtf8(kFaces[value + 3]) + QStringLiteral(" %1").arg(value), value);
        m_form->addRow(tr("Desired:"), desired);
        connect(desired, &QComboBox::currentIndexChanged, this, [this, desired] {
            const QVariant value = desired->currentData();
            setTargetField(tr("Desired Score"), fields::card::desired,
                           value.isValid() ? std::optional(value.toInt()) : std::nullopt);
        });
        loads.push_back([desired](const Card &c) {
            QSignalBlocker b(desired);
            desired->setCurrentIndex(c.desired ? desired->findData(*c.desired) : 0);
        });
        break;
    }
    case LaneKind::PainPoints:
    case LaneKind::Barriers: levelCombo(QT_TR_NOOP("Severity"), fields::card::severity); break;
    case LaneKind::Opportunities: {
        levelCombo(QT_TR_NOOP("Impact"), fields::card::impact);
        auto *status = new QComboBox;
        status->setObjectName(QStringLiteral("Status"));
        for (auto s : {OpportunityStatus::Idea, OpportunityStatus::Planned, OpportunityStatus::InProgress,
                       OpportunityStatus::Done})
            status->addItem(statusDisplayName(s), static_cast<int>(s));
        m_form->addRow(tr("Status:"), status);
        connect(status, &QComboBox::currentIndexChanged, this, [this, status] {
            setTargetField(tr("Status"), fields::card::status,
                           static_cast<OpportunityStatus>(status->currentData().toInt()));
        });
        loads.push_back([status](const Card &c) {
            QSignalBlocker b(status);
            status->setCurrentIndex(status->findData(static_cast<int>(c.status)));
        });
        break;
    }
    case LaneKind::Kpis: {
        auto number = [this, &loads](const char *label, std::optional<double> Metric::*field) {
            auto *spin = new QDoubleSpinBox;
            spin->setObjectName(QLatin1String(label));
            spin->setRange(-1e12, 1e12);
            spin->setDecimals(2);
            m_form->addRow(tr(label) + QLatin1Char(':'), spin);
            connect(spin, &QDoubleSpinBox::valueChanged, this, [this, field, label](double value) {
                changeTargetField(tr(label), fields::card::metric, [&](std::optional<Metric> &metric) {
                    if (!metric)
                        metric.emplace();
                    (*metric).*field = value;
                });
            });
            loads.push_back([spin, field](const Card &c) {
                QSignalBlocker b(spin);
                spin->setValue(c.metric && (*c.metric).*field ? *((*c.metric).*field) : 0.0);
            });
        };
        number(QT_TR_NOOP("Value"), &Metric::value);
        number(QT_TR_NOOP("Target"), &Metric::target);
        auto *unit = new QLineEdit;
        unit->setObjectName(QStringLiteral("Unit"));
        m_form->addRow(tr("Unit:"), unit);
        connect(unit, &QLineEdit::textEdited, this, [this](const QString &value) {
            changeTargetField(tr("Unit"), fields::card::metric, [&](std::optional<Metric> &metric) {
                if (!metric)
                    metric.emplace();
                metric->unit = toStdString(value);
            });
        });
        loads.push_back([unit](const Card &c) {
            setTextKeepingCursor(unit, c.metric && c.metric->unit ? toQString(*c.metric->unit) : QString());
        });
        break;
    }
    default: break;
    }

    // A storyboard picture: PNG or JPEG, within the format's size limits.
    auto [picture, noPicture] = addButtonRow(tr("Picture:"), tr("Choose picture..."), tr("Remove"));
    picture->setObjectName(QStringLiteral("Picture"));
    connect(picture, &QPushButton::clicked, this, [this] {
        if (auto image = choosePicture(tr("Choose a Picture")))
            setTargetField(tr("Picture"), fields::card::image, std::move(image));
    });
    connect(noPicture, &QPushButton::clicked, this,
            [this] { setTargetField(tr("Picture"), fields::card::image, std::nullopt); });
    loads.push_back([noPicture](const Card &c) { noPicture->setEnabled(c.image.has_value()); });

    // Teammates' remarks.
    auto *comments = new QListWidget;
    comments->setObjectName(QStringLiteral("Comments"));
    comments->setMaximumHeight(90);
    auto *addComment = new QPushButton(tr("Add..."));
    addComment->setObjectName(QStringLiteral("Add comment"));
    auto *removeComment = new QPushButton(tr("Remove"));
    auto *commentButtons = new QHBoxLayout;
    commentButtons->addWidget(addComment);
    commentButtons->addWidget(removeComment);
    auto *commentBox = new QVBoxLayout;
    commentBox->addWidget(comments);
    commentBox->addLayout(commentButtons);
    m_form->addRow(tr("Comments:"), commentBox);
    connect(addComment, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString text = plainMultiLineText(this, tr("Add Comment"), tr("Comment:"), QString(), &ok);
        if (ok && !text.trimmed().isEmpty())
            addCommentToCard(text.trimmed());
    });
    connect(removeComment, &QPushButton::clicked, this, [this, comments] {
        const int row = comments->currentRow();
        if (row >= 0)
            changeTargetField(tr("Comments"), fields::card::comments, [&](std::vector<Comment> &list) {
                if (row < static_cast<int>(list.size()))
                    list.erase(list.begin() + row);
            });
    });
    loads.push_back([comments](const Card &c) {
        comments->clear();
        for (const Comment &comment : c.comments) {
            const QString who = comment.author ? toQString(*comment.author) : tr("Someone");
            auto *item = new QListWidgetItem(QStringLiteral("%1: %2").arg(who, toQString(comment.text)), comments);
            item->setToolTip(comment.time ? plainToolTip(toQString(*comment.time)) : QString());
        }
    });

    auto [color, reset] = addButtonRow(tr("Colour:"), tr("Choose..."), tr("Kind's colour"));
    connect(color, &QPushButton::clicked, this, [this] {
        const QColor chosen = QColorDialog::getColor(Qt::white, this);
        if (chosen.isValid())
            setTargetField(tr("Colour"), fields::card::color, toStdString(chosen.name()));
    });
    connect(reset, &QPushButton::clicked, this,
            [this] { setTargetField(tr("Colour"), fields::card::color, std::nullopt); });

    m_loaders.push_back([this, loads] {
        if (const Card *c = m_controller->document().card(m_targetId))
            for (const auto &load : loads)
                load(*c);
    });
}

void InspectorPanel::takeTypedText(const InspectorPanel &old)
{
    if (old.m_target != m_target || old.m_targetId != m_targetId)
        return;
    const QHash<QString, QLineEdit *> mine = namedLineEdits(this);
    const QHash<QString, QLineEdit *> theirs = namedLineEdits(&old);
    for (auto it = theirs.cbegin(); it != theirs.cend(); ++it) {
        const QLineEdit *from = it.value();
        QLineEdit *to = mine.value(it.key());
        // isModified: typed by the user since the field was last loaded from
        // the map; a text that differs from the map's was not saved.
        if (!to || !from->isModified() || from->text() == to->text())
            continue;
        QSignalBlocker block(to); // shown, not saved: as it was in the old panel
        to->setText(from->text());
        to->setModified(true);
        to->setCursorPosition(from->cursorPosition());
    }
}

} // namespace cjm
