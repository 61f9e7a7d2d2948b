#pragma once

#include <QString>
#include <QStringList>

#include <toml++/toml.h>

#include <optional>

namespace mgreview::tomlsupport {

/// Formats a position as "file:line:column: message" (the format every loader reports in).
QString located(const QString &file, const toml::source_region &where, const QString &message);
QString located(const QString &file, const toml::node &node, const QString &message);

/// Parses text; on a syntax error appends a located message and returns nullopt.
std::optional<toml::table> parse(const QByteArray &utf8, const QString &file, QStringList *errors);

QString toQString(std::string_view text);
std::string toStd(const QString &text);

/// Reads an optional string key. A present key of another type is an error.
QString stringOr(const toml::table &table, std::string_view key, const QString &file,
                 QStringList *errors, const QString &fallback = {});
/// Reads an optional array of strings.
QStringList stringList(const toml::table &table, std::string_view key, const QString &file,
                       QStringList *errors);
/// Reports keys of a table that are not in the allowed list, so typos never drop facts.
void rejectUnknownKeys(const toml::table &table, std::initializer_list<std::string_view> allowed,
                       const QString &file, QStringList *errors);

} // namespace mgreview::tomlsupport
