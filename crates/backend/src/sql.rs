//! The values that cross between the backend and either database: parameters ([`Value`])
//! and result cells ([`Cell`], read through [`Row::get`]). SQLite types loosely (an integer
//! column may answer a boolean), PostgreSQL strictly (`COUNT(*)` is `bigint`, `EXISTS` is
//! `boolean`); both are read into the same Rust types here, so a query written once reads
//! alike on both stores.

use crate::error::BackendError;

/// A statement parameter. Integers are bound as `bigint` on PostgreSQL (or narrowed to the
/// `integer`/`smallint` the statement asks for, refused if out of range); text as `text`,
/// bytes as `bytea`, reals as `double precision`, booleans as `boolean` (SQLite stores them
/// as 0 and 1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value<'a> {
    /// SQL NULL (any column type).
    Null,
    /// A 64-bit integer.
    Int(i64),
    /// A double.
    Real(f64),
    /// UTF-8 text.
    Text(&'a str),
    /// Bytes (SQLite BLOB, PostgreSQL `bytea`).
    Bytes(&'a [u8]),
    /// A boolean.
    Bool(bool),
}

impl From<i64> for Value<'_> {
    fn from(v: i64) -> Self {
        Value::Int(v)
    }
}

impl From<u32> for Value<'_> {
    fn from(v: u32) -> Self {
        Value::Int(i64::from(v))
    }
}

impl From<bool> for Value<'_> {
    fn from(v: bool) -> Self {
        Value::Bool(v)
    }
}

impl<'a> From<&'a str> for Value<'a> {
    fn from(v: &'a str) -> Self {
        Value::Text(v)
    }
}

impl<'a> From<&'a String> for Value<'a> {
    fn from(v: &'a String) -> Self {
        Value::Text(v)
    }
}

impl<'a> From<&'a [u8]> for Value<'a> {
    fn from(v: &'a [u8]) -> Self {
        Value::Bytes(v)
    }
}

impl<'a, T: Into<Value<'a>>> From<Option<T>> for Value<'a> {
    fn from(v: Option<T>) -> Self {
        v.map_or(Value::Null, Into::into)
    }
}

/// The parameters of one statement, `?1` first: `args![device.0, key.as_str()]`.
macro_rules! args {
    ($($v:expr),* $(,)?) => {
        &[$($crate::sql::Value::from($v)),*]
    };
}
pub(crate) use args;

impl rusqlite::ToSql for Value<'_> {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(ToSqlOutput::Borrowed(match *self {
            Value::Null => ValueRef::Null,
            Value::Int(v) => ValueRef::Integer(v),
            Value::Real(v) => ValueRef::Real(v),
            Value::Text(s) => ValueRef::Text(s.as_bytes()),
            Value::Bytes(b) => ValueRef::Blob(b),
            Value::Bool(b) => ValueRef::Integer(i64::from(b)),
        }))
    }
}

impl postgres::types::ToSql for Value<'_> {
    fn to_sql(
        &self,
        ty: &postgres::types::Type,
        out: &mut bytes::BytesMut,
    ) -> Result<postgres::types::IsNull, Box<dyn std::error::Error + Sync + Send>> {
        use postgres::types::{IsNull, Type};
        match *self {
            Value::Null => Ok(IsNull::Yes),
            Value::Int(v) if *ty == Type::INT4 => i32::try_from(v)?.to_sql(ty, out),
            Value::Int(v) if *ty == Type::INT2 => i16::try_from(v)?.to_sql(ty, out),
            Value::Int(v) => v.to_sql(ty, out),
            Value::Real(v) => v.to_sql(ty, out),
            Value::Text(s) => s.to_sql(ty, out),
            Value::Bytes(b) => b.to_sql(ty, out),
            Value::Bool(b) => b.to_sql(ty, out),
        }
    }

    /// Any type: the statement's own parameter type picks the encoding in `to_sql`, and a
    /// mismatch (text for a `bigint`) is the server's error, as a typed parameter's would be.
    fn accepts(_: &postgres::types::Type) -> bool {
        true
    }

    postgres::types::to_sql_checked!();
}

/// One result cell, owned.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// NULL.
    Null,
    /// An integer (`bigint`, `integer`, `smallint`; SQLite INTEGER).
    Int(i64),
    /// A double (`double precision`; SQLite REAL).
    Real(f64),
    /// Text (`text`, `varchar`; SQLite TEXT).
    Text(String),
    /// Bytes (`bytea`; SQLite BLOB).
    Bytes(Vec<u8>),
    /// A boolean (PostgreSQL `boolean`; SQLite has none and answers 0 or 1).
    Bool(bool),
}

impl Cell {
    /// The cell as a parameter (e.g. to write back what was read).
    pub fn as_value(&self) -> Value<'_> {
        match self {
            Cell::Null => Value::Null,
            Cell::Int(v) => Value::Int(*v),
            Cell::Real(v) => Value::Real(*v),
            Cell::Text(s) => Value::Text(s),
            Cell::Bytes(b) => Value::Bytes(b),
            Cell::Bool(b) => Value::Bool(*b),
        }
    }
}

/// One result row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row(pub(crate) Vec<Cell>);

impl Row {
    /// Column `i` (0-based) as `T`. Errors: [`BackendError::Column`] when there is no such
    /// column or its value does not read as `T` (text as an integer, NULL as a non-`Option`).
    pub fn get<T: FromCell>(&self, i: usize) -> Result<T, BackendError> {
        let cell = self
            .0
            .get(i)
            .ok_or_else(|| BackendError::Column(format!("no column {i}")))?;
        T::from_cell(cell).ok_or_else(|| BackendError::Column(format!("column {i}: {cell:?}")))
    }

    pub(crate) fn from_sqlite(row: &rusqlite::Row<'_>, columns: usize) -> rusqlite::Result<Row> {
        use rusqlite::types::ValueRef;
        let mut cells = Vec::with_capacity(columns);
        for i in 0..columns {
            cells.push(match row.get_ref(i)? {
                ValueRef::Null => Cell::Null,
                ValueRef::Integer(v) => Cell::Int(v),
                ValueRef::Real(v) => Cell::Real(v),
                ValueRef::Text(t) => Cell::Text(String::from_utf8_lossy(t).into_owned()),
                ValueRef::Blob(b) => Cell::Bytes(b.to_vec()),
            });
        }
        Ok(Row(cells))
    }

    pub(crate) fn from_postgres(row: &postgres::Row) -> Result<Row, BackendError> {
        use postgres::types::Type;
        let mut cells = Vec::with_capacity(row.len());
        for (i, column) in row.columns().iter().enumerate() {
            let ty = column.type_();
            let cell = if *ty == Type::INT8 {
                row.try_get::<_, Option<i64>>(i)?.map(Cell::Int)
            } else if *ty == Type::INT4 {
                row.try_get::<_, Option<i32>>(i)?
                    .map(|v| Cell::Int(i64::from(v)))
            } else if *ty == Type::INT2 {
                row.try_get::<_, Option<i16>>(i)?
                    .map(|v| Cell::Int(i64::from(v)))
            } else if *ty == Type::BOOL {
                row.try_get::<_, Option<bool>>(i)?.map(Cell::Bool)
            } else if *ty == Type::FLOAT8 {
                row.try_get::<_, Option<f64>>(i)?.map(Cell::Real)
            } else if *ty == Type::BYTEA {
                row.try_get::<_, Option<Vec<u8>>>(i)?.map(Cell::Bytes)
            } else if [Type::TEXT, Type::VARCHAR, Type::BPCHAR, Type::NAME].contains(ty) {
                row.try_get::<_, Option<String>>(i)?.map(Cell::Text)
            } else {
                return Err(BackendError::Column(format!(
                    "column {} has type {ty}, which the backend does not read",
                    column.name()
                )));
            };
            cells.push(cell.unwrap_or(Cell::Null));
        }
        Ok(Row(cells))
    }
}

/// A Rust type a [`Cell`] reads as; `None` when it does not.
pub trait FromCell: Sized {
    /// `cell` as `Self`, `None` when it does not read as one.
    fn from_cell(cell: &Cell) -> Option<Self>;
}

impl FromCell for i64 {
    fn from_cell(cell: &Cell) -> Option<Self> {
        match cell {
            Cell::Int(v) => Some(*v),
            Cell::Bool(b) => Some(i64::from(*b)),
            _ => None,
        }
    }
}

impl FromCell for u32 {
    fn from_cell(cell: &Cell) -> Option<Self> {
        i64::from_cell(cell).and_then(|v| u32::try_from(v).ok())
    }
}

impl FromCell for u16 {
    fn from_cell(cell: &Cell) -> Option<Self> {
        i64::from_cell(cell).and_then(|v| u16::try_from(v).ok())
    }
}

impl FromCell for bool {
    fn from_cell(cell: &Cell) -> Option<Self> {
        match cell {
            Cell::Bool(b) => Some(*b),
            Cell::Int(v) => Some(*v != 0),
            _ => None,
        }
    }
}

impl FromCell for String {
    fn from_cell(cell: &Cell) -> Option<Self> {
        match cell {
            Cell::Text(s) => Some(s.clone()),
            _ => None,
        }
    }
}

impl FromCell for Vec<u8> {
    fn from_cell(cell: &Cell) -> Option<Self> {
        match cell {
            Cell::Bytes(b) => Some(b.clone()),
            Cell::Text(s) => Some(s.as_bytes().to_vec()),
            _ => None,
        }
    }
}

impl<T: FromCell> FromCell for Option<T> {
    fn from_cell(cell: &Cell) -> Option<Self> {
        match cell {
            Cell::Null => Some(None),
            other => T::from_cell(other).map(Some),
        }
    }
}

/// `sql` with SQLite's numbered parameters (`?1`) as PostgreSQL's (`$1`); a `?` inside a
/// quoted literal is left alone.
pub fn numbered_for_postgres(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut quoted = false;
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                quoted = !quoted;
                out.push(c);
            }
            '?' if !quoted && chars.peek().is_some_and(char::is_ascii_digit) => out.push('$'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_parameters_become_dollars_outside_literals() {
        assert_eq!(
            numbered_for_postgres("SELECT ?1, '?2', ?12 WHERE a = ?3"),
            "SELECT $1, '?2', $12 WHERE a = $3"
        );
    }

    #[test]
    fn cells_read_across_the_stores_types() {
        let row = Row(vec![Cell::Int(1), Cell::Bool(true), Cell::Null]);
        assert!(row.get::<bool>(0).unwrap());
        assert_eq!(row.get::<i64>(1).unwrap(), 1);
        assert_eq!(row.get::<Option<String>>(2).unwrap(), None);
        assert!(row.get::<String>(0).is_err());
        assert!(row.get::<i64>(3).is_err());
    }
}
