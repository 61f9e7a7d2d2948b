#include "csvreader.h"

namespace mgreview::testing {

std::optional<QVector<QStringList>> readCsv(const QString &text, QString *error)
{
    QVector<QStringList> records;
    QStringList record;
    QString field;
    qsizetype i = 0;
    const qsizetype n = text.size();
    const auto fail = [&](const QString &what) {
        *error = QStringLiteral("offset %1: %2").arg(i).arg(what);
        return std::nullopt;
    };
    while (i < n) {
        // One field.
        field.clear();
        if (text.at(i) == u'"') {
            ++i;
            while (true) {
                if (i >= n)
                    return fail(QStringLiteral("unterminated quoted field"));
                if (text.at(i) == u'"') {
                    if (i + 1 < n && text.at(i + 1) == u'"') {
                        field += u'"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += text.at(i++);
            }
        } else {
            while (i < n && text.at(i) != u',' && text.at(i) != u'\r' && text.at(i) != u'\n') {
                if (text.at(i) == u'"')
                    return fail(QStringLiteral("quote inside an unquoted field"));
                field += text.at(i++);
            }
        }
        record.append(field);
        // What follows a field: a comma, or CRLF ending the record.
        if (i >= n)
            return fail(QStringLiteral("last record does not end in CRLF"));
        if (text.at(i) == u',') {
            ++i;
            if (i >= n)
                return fail(QStringLiteral("text ends after a comma"));
            continue;
        }
        if (text.at(i) == u'\r' && i + 1 < n && text.at(i + 1) == u'\n') {
            i += 2;
            records.append(record);
            record.clear();
            continue;
        }
        return fail(QStringLiteral("unexpected character after a field (bare CR/LF or text after a quote)"));
    }
    return records;
}

} // namespace mgreview::testing
