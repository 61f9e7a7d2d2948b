#include "studyconflictmodel.h"

#include "format/studyjson.h"
#include "store/studymerge.h"

#include <QBrush>
#include <QFont>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace mgreview::gui {

StudyConflictModel::StudyConflictModel(QObject *parent) : QAbstractTableModel(parent) { }

void StudyConflictModel::setStudies(const Study &base, const Study &mine, const Study &theirs)
{
    beginResetModel();
    m_rows.clear();
    const QJsonObject b = studyToJson(base);
    const QJsonObject m = studyToJson(mine);
    const QJsonObject t = studyToJson(theirs);
    for (const QString &field : differingFields(mine, theirs)) {
        Row row;
        row.field = field;
        row.theirs = t.value(field);
        row.mine = m.value(field);
        row.iChanged = row.mine != b.value(field);
        row.theyChanged = row.theirs != b.value(field);
        // What only they changed is theirs to keep; whatever I changed stays mine until I choose.
        row.keep = row.theyChanged && !row.iChanged ? Keep::Theirs : Keep::Mine;
        m_rows.append(row);
    }
    endResetModel();
}

int StudyConflictModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int StudyConflictModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StudyConflictModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    const bool both = row.iChanged && row.theyChanged;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case FieldColumn:
            return label(row.field);
        case TheirsColumn:
            return valueText(row.theirs);
        case MineColumn:
            return valueText(row.mine);
        case ChangedByColumn:
            return both ? tr("both of you") : row.theyChanged ? tr("them") : tr("you");
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == FieldColumn)
            return both ? tr("Both of you changed this field: choose which value to keep.")
                 : row.theyChanged ? tr("Only they changed this field.")
                                   : tr("Only you changed this field.");
        return index.column() == TheirsColumn ? valueText(row.theirs) : valueText(row.mine);
    case Qt::CheckStateRole:
        if (index.column() == TheirsColumn)
            return row.keep == Keep::Theirs ? Qt::Checked : Qt::Unchecked;
        if (index.column() == MineColumn)
            return row.keep == Keep::Mine ? Qt::Checked : Qt::Unchecked;
        break;
    case Qt::FontRole:
        if (both && (index.column() == FieldColumn || index.column() == ChangedByColumn)) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        break;
    }
    return {};
}

bool StudyConflictModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || !index.isValid()
        || (index.column() != TheirsColumn && index.column() != MineColumn))
        return false;
    // The two checks of a row are one choice: checking one side keeps it, unchecking keeps the other.
    const bool checked = value.toInt() == Qt::Checked;
    const bool theirs = (index.column() == TheirsColumn) == checked;
    setKeep(index.row(), theirs ? Keep::Theirs : Keep::Mine);
    return true;
}

void StudyConflictModel::setKeep(int row, Keep keep)
{
    if (row < 0 || row >= m_rows.size() || m_rows[row].keep == keep)
        return;
    m_rows[row].keep = keep;
    Q_EMIT dataChanged(index(row, TheirsColumn), index(row, MineColumn), {Qt::CheckStateRole});
}

Qt::ItemFlags StudyConflictModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags out = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() != FieldColumn)
        out |= Qt::ItemIsUserCheckable;
    return out;
}

QVariant StudyConflictModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case FieldColumn:
        return tr("Field");
    case TheirsColumn:
        return tr("Theirs (saved)");
    case MineColumn:
        return tr("Mine (not saved)");
    case ChangedByColumn:
        return tr("Changed by");
    }
    return {};
}

int StudyConflictModel::rowOf(const QString &field) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).field == field)
            return i;
    }
    return -1;
}

QStringList StudyConflictModel::conflicting() const
{
    QStringList out;
    for (const Row &row : m_rows) {
        if (row.iChanged && row.theyChanged)
            out.append(row.field);
    }
    return out;
}

QStringList StudyConflictModel::theirsChosen() const
{
    QStringList out;
    for (const Row &row : m_rows) {
        if (row.keep == Keep::Theirs)
            out.append(row.field);
    }
    return out;
}

QString StudyConflictModel::label(const QString &field)
{
    static const QHash<QString, QString> labels = {
        {QStringLiteral("title"), tr("Title")},       {QStringLiteral("authors"), tr("Authors")},
        {QStringLiteral("year"), tr("Year")},         {QStringLiteral("doi"), tr("DOI")},
        {QStringLiteral("pmid"), tr("PMID")},         {QStringLiteral("pmcid"), tr("PMCID")},
        {QStringLiteral("abstract"), tr("Abstract")}, {QStringLiteral("citation"), tr("Citation")},
        {QStringLiteral("conclusions"), tr("Conclusions")}, {QStringLiteral("funding"), tr("Funding")},
        {QStringLiteral("independence"), tr("Independence")}, {QStringLiteral("keywords"), tr("Keywords")},
        {QStringLiteral("registration"), tr("Registration")},
    };
    if (const auto it = labels.constFind(field); it != labels.cend())
        return *it;
    QString words = field;
    words.replace(u'_', u' ');
    if (!words.isEmpty())
        words[0] = words[0].toUpper();
    return words;
}

QString StudyConflictModel::valueText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString().isEmpty() ? tr("(empty)") : value.toString();
    case QJsonValue::Double:
        return QString::number(value.toDouble());
    case QJsonValue::Bool:
        return value.toBool() ? tr("yes") : tr("no");
    case QJsonValue::Array: {
        const QJsonArray items = value.toArray();
        if (items.isEmpty())
            return tr("(none)");
        QStringList parts;
        for (const QJsonValue &item : items) {
            if (!item.isString()) // Conclusions, funders, …: their JSON, compact.
                return QString::fromUtf8(QJsonDocument(items).toJson(QJsonDocument::Compact));
            parts.append(item.toString());
        }
        return parts.join(QStringLiteral("; "));
    }
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return tr("(not set)");
    }
    return {};
}

} // namespace mgreview::gui
