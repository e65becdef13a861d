#pragma once
// The touchpoint audit as a table: every touchpoint with its persona, stage,
// channel and direct/indirect contact, and the six ratings of a touchpoint
// review, editable in place (each change one undoable edit). Sortable by any
// column, filtered by persona, stage and channel; the weakest touchpoints
// (cjm::weakestTouchpoints) are tinted. From here the audit goes on paper
// (a worksheet with empty boxes, or the filled audit) and to CSV.

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <QWidget>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "cjm/audit.hpp"

class QComboBox;
class QLabel;
class QTableView;

namespace cjm {

class DocumentController;

class AuditTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Persona, Stage, Channel, Contact, Touchpoint, FirstRating, Average = FirstRating + 6, ColumnCount };
    // The card id of a row, for the canvas.
    static constexpr int CardIdRole = Qt::UserRole + 1;
    // Tells the weakest rows apart without looking at colours.
    static constexpr int WeakRole = Qt::UserRole + 2;

    explicit AuditTableModel(DocumentController *controller, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void reload();
    // The widget whose visibility decides whether edits are followed. While
    // it is hidden an edit only empties the table; showing it reloads.
    // While shown, the rows are reloaded once a burst of edits (a drag,
    // typing) has settled, not per edit; until then each row shows its
    // card as it is now, looked up by id.
    void setShownBy(QWidget *widget) { m_shownBy = widget; }
    bool isStale() const { return m_stale; }

signals:
    // A rating was changed in the table (the rows' numbers and the weakest set changed).
    void ratingsChanged();

private:
    void documentChanged();
    void cardsChanged(const std::vector<std::string> &cardIds);

    DocumentController *m_controller;
    QWidget *m_shownBy = nullptr;
    bool m_stale = false;
    class QTimer *m_reload = nullptr;
    // Card ids in map order (persona, stage, lane, order) as of the last
    // reload: ids, not pointers, so rows stay safe while edits settle.
    std::vector<std::string> m_rows;
    std::unordered_map<std::string, int> m_rowOf;
    std::unordered_set<std::string> m_weak;
    bool m_applying = false; // our own edit: the rows stay as they are
};

// Filters rows by persona, stage and channel (empty: any).
class AuditFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setFilters(QString persona, QString stage, QString channel);

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override;

private:
    QString m_persona, m_stage, m_channel;
};

class AuditPanel : public QWidget {
    Q_OBJECT
public:
    explicit AuditPanel(DocumentController *controller, QWidget *parent = nullptr);

    AuditTableModel *model() const { return m_model; }
    AuditFilterModel *filter() const { return m_filter; }
    QTableView *view() const { return m_view; }
    QComboBox *personaFilter() const { return m_persona; }
    QComboBox *channelFilter() const { return m_channel; }

signals:
    void showCard(const std::string &cardId);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void refillFilters();
    void applyFilters();
    void exportFile(const QString &kind);

    DocumentController *m_controller;
    AuditTableModel *m_model;
    AuditFilterModel *m_filter;
    QTableView *m_view;
    QComboBox *m_persona;
    QComboBox *m_stage;
    QComboBox *m_channel;
    QLabel *m_summary;
};

} // namespace cjm
