#include "store/studymerge.h"

#include "format/studyjson.h"

#include <QJsonObject>
#include <QSet>

namespace mgreview {

namespace {

QStringList allKeys(const QJsonObject &a, const QJsonObject &b, const QJsonObject &c = {})
{
    QStringList keys = a.keys() + b.keys() + c.keys();
    keys.removeDuplicates();
    keys.sort();
    return keys;
}

void copyField(QJsonObject &into, const QJsonObject &from, const QString &key)
{
    if (from.contains(key))
        into.insert(key, from.value(key));
    else
        into.remove(key);
}

} // namespace

std::optional<StudyMerge> mergeStudies(const Study &base, const Study &mine, const Study &theirs, QString *error)
{
    const QJsonObject b = studyToJson(base);
    const QJsonObject m = studyToJson(mine);
    const QJsonObject t = studyToJson(theirs);
    QJsonObject merged = m;
    StudyMerge out;
    for (const QString &key : allKeys(b, m, t)) {
        const bool iChanged = m.value(key) != b.value(key);
        const bool theyChanged = t.value(key) != b.value(key);
        if (!theyChanged || m.value(key) == t.value(key))
            continue;
        if (iChanged) {
            out.conflicting.append(key);
        } else {
            copyField(merged, t, key);
            out.takenFromTheirs.append(key);
        }
    }
    std::optional<Study> study = studyFromJson(merged, error);
    if (!study)
        return std::nullopt;
    out.merged = std::move(*study);
    return out;
}

std::optional<Study> withFields(const Study &into, const Study &from, const QStringList &fields, QString *error)
{
    QJsonObject target = studyToJson(into);
    const QJsonObject source = studyToJson(from);
    for (const QString &key : fields)
        copyField(target, source, key);
    return studyFromJson(target, error);
}

QStringList differingFields(const Study &a, const Study &b)
{
    const QJsonObject ja = studyToJson(a);
    const QJsonObject jb = studyToJson(b);
    QStringList out;
    for (const QString &key : allKeys(ja, jb)) {
        if (ja.value(key) != jb.value(key))
            out.append(key);
    }
    return out;
}

} // namespace mgreview
