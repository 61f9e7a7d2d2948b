#include "io/tomlsupport.h"

#include <algorithm>

namespace mgreview::tomlsupport {

QString located(const QString &file, const toml::source_region &where, const QString &message)
{
    return QStringLiteral("%1:%2:%3: %4")
        .arg(file)
        .arg(where.begin.line)
        .arg(where.begin.column)
        .arg(message);
}

QString located(const QString &file, const toml::node &node, const QString &message)
{
    return located(file, node.source(), message);
}

std::optional<toml::table> parse(const QByteArray &utf8, const QString &file, QStringList *errors)
{
    // The system toml++ is built with exceptions: a syntax error arrives as parse_error.
    try {
        return toml::parse(std::string_view(utf8.constData(), size_t(utf8.size())), toStd(file));
    } catch (const toml::parse_error &error) {
        errors->append(located(file, error.source(), toQString(error.description())));
        return std::nullopt;
    }
}

QString toQString(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

std::string toStd(const QString &text)
{
    return text.toStdString();
}

QString stringOr(const toml::table &table, std::string_view key, const QString &file,
                 QStringList *errors, const QString &fallback)
{
    const toml::node *node = table.get(key);
    if (!node)
        return fallback;
    if (const auto *value = node->as_string())
        return toQString(value->get());
    errors->append(located(file, *node,
                           QStringLiteral("'%1' must be a string").arg(toQString(key))));
    return fallback;
}

QStringList stringList(const toml::table &table, std::string_view key, const QString &file,
                       QStringList *errors)
{
    QStringList out;
    const toml::node *node = table.get(key);
    if (!node)
        return out;
    const toml::array *array = node->as_array();
    if (!array) {
        errors->append(located(file, *node,
                               QStringLiteral("'%1' must be an array of strings").arg(toQString(key))));
        return out;
    }
    for (const toml::node &element : *array) {
        if (const auto *value = element.as_string())
            out.append(toQString(value->get()));
        else
            errors->append(located(file, element,
                                   QStringLiteral("'%1' may only hold strings").arg(toQString(key))));
    }
    return out;
}

void rejectUnknownKeys(const toml::table &table, std::initializer_list<std::string_view> allowed,
                       const QString &file, QStringList *errors)
{
    for (const auto &[key, node] : table) {
        const bool known = std::find(allowed.begin(), allowed.end(), key.str()) != allowed.end();
        if (!known)
            errors->append(located(file, key.source(),
                                   QStringLiteral("unknown key '%1'").arg(toQString(key.str()))));
    }
}

} // namespace mgreview::tomlsupport
