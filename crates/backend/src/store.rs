//! The one storage interface every route uses: a [`Store`] is either the embedded SQLite
//! database ([`Db`]) or a PostgreSQL pool ([`PgStore`]); work runs on tokio's threads for
//! blocking work with a [`Conn`], which runs the same SQL (SQLite's `?1` parameters, the
//! subset both dialects share) on either, and marks the few places where they differ.
//!
//! What makes several instances one server on PostgreSQL lives here too: a unit of work that
//! reads and then writes (a booking, a verified lookup) runs in a transaction that first takes
//! transaction-scoped advisory locks on what it counts ([`Conn::lock_key`]), so two instances
//! serve the same device, mobile number, slot or verification one after the other, as the one
//! SQLite connection behind its mutex does within a process.

use crate::db::Db;
use crate::error::BackendError;
use crate::postgres::{PgSession, PgStore};
use crate::sql::{Row, Value};

/// Where the backend keeps its state.
#[derive(Clone)]
pub enum Store {
    /// The embedded default: one SQLite file (or `:memory:`), one connection per process.
    Sqlite(Db),
    /// PostgreSQL, shared by any number of instances.
    Postgres(PgStore),
}

impl From<Db> for Store {
    fn from(db: Db) -> Store {
        Store::Sqlite(db)
    }
}

impl From<PgStore> for Store {
    fn from(pg: PgStore) -> Store {
        Store::Postgres(pg)
    }
}

/// What `--database` names: a `postgres://` or `postgresql://` URL (libpq's connection URI,
/// PostgreSQL 15 docs §34.1.1) selects PostgreSQL; anything else is a SQLite file path
/// (`:memory:` for a private in-memory database).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseTarget {
    Sqlite(std::path::PathBuf),
    Postgres(String),
}

impl DatabaseTarget {
    /// Reads `spec` as `--database` does.
    pub fn parse(spec: &str) -> DatabaseTarget {
        if spec.starts_with("postgres://") || spec.starts_with("postgresql://") {
            DatabaseTarget::Postgres(spec.to_owned())
        } else {
            DatabaseTarget::Sqlite(spec.into())
        }
    }
}

impl std::fmt::Display for DatabaseTarget {
    /// The SQLite path, or the PostgreSQL URL without its password.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DatabaseTarget::Sqlite(path) => write!(f, "{}", path.display()),
            DatabaseTarget::Postgres(url) => match url.split_once('@') {
                Some((credentials, rest)) => match credentials.rsplit_once(':') {
                    Some((user, _)) if user.contains("//") && !user.ends_with('/') => {
                        write!(f, "{user}:***@{rest}")
                    }
                    _ => write!(f, "{url}"),
                },
                None => write!(f, "{url}"),
            },
        }
    }
}

/// How a SQLite transaction begins (SQLite docs, "BEGIN TRANSACTION"); PostgreSQL always
/// begins a READ COMMITTED transaction and relies on [`Conn::lock_key`] instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SqliteBegin {
    /// No transaction on SQLite: the process's one connection behind its mutex already runs
    /// the work alone, statement by statement, as before there was a PostgreSQL store.
    None,
    /// `BEGIN DEFERRED`: the write lock is taken at the first write.
    Deferred,
    /// `BEGIN IMMEDIATE`: the write lock is taken at once, so a database another process
    /// holds is met before anything is read.
    Immediate,
}

/// Which SQL dialect a [`Conn`] speaks, for the few statements written twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// SQLite 3 as bundled by rusqlite (`json_extract`, `unixepoch`).
    Sqlite,
    /// PostgreSQL (`jsonb`, `timestamptz`, `IS NOT DISTINCT FROM`; tested on 15).
    Postgres,
}

/// A connection while a unit of work holds it.
pub enum Conn<'a> {
    /// The process's one SQLite connection, its mutex held.
    Sqlite(&'a rusqlite::Connection),
    /// A pooled PostgreSQL connection, checked out for this unit of work.
    Postgres(&'a mut PgSession),
}

impl Conn<'_> {
    /// The SQL dialect this connection speaks, for a statement the two write differently.
    pub fn dialect(&self) -> Dialect {
        match self {
            Conn::Sqlite(_) => Dialect::Sqlite,
            Conn::Postgres(_) => Dialect::Postgres,
        }
    }

    /// Runs one statement with `?1`… parameters; returns the rows it changed.
    pub fn execute(&mut self, sql: &str, params: &[Value<'_>]) -> Result<usize, BackendError> {
        match self {
            Conn::Sqlite(c) => {
                let mut stmt = c.prepare_cached(sql)?;
                Ok(stmt.execute(rusqlite::params_from_iter(params.iter()))?)
            }
            Conn::Postgres(s) => s.execute(sql, params),
        }
    }

    /// Every row a query returns.
    pub fn rows(&mut self, sql: &str, params: &[Value<'_>]) -> Result<Vec<Row>, BackendError> {
        match self {
            Conn::Sqlite(c) => {
                let mut stmt = c.prepare_cached(sql)?;
                let columns = stmt.column_count();
                let rows = stmt
                    .query_map(rusqlite::params_from_iter(params.iter()), |row| {
                        Row::from_sqlite(row, columns)
                    })?
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(rows)
            }
            Conn::Postgres(s) => s.rows(sql, params),
        }
    }

    /// The first row a query returns, `None` when it returns none.
    pub fn row(&mut self, sql: &str, params: &[Value<'_>]) -> Result<Option<Row>, BackendError> {
        Ok(self.rows(sql, params)?.into_iter().next())
    }

    /// The one row an aggregate query (`COUNT`, `EXISTS`) always returns. Errors:
    /// [`BackendError::Column`] if it returned none.
    pub fn one(&mut self, sql: &str, params: &[Value<'_>]) -> Result<Row, BackendError> {
        self.row(sql, params)?
            .ok_or_else(|| BackendError::Column("the query returned no row".to_owned()))
    }

    /// Runs `work` in one transaction: committed when it returns `Ok`, rolled back when it
    /// returns `Err`. On SQLite it begins as `sqlite` says; on PostgreSQL it is a READ
    /// COMMITTED transaction (PostgreSQL docs §13.2.1) in which [`Conn::lock_key`] holds its
    /// locks until the end.
    pub fn transaction<T, E: From<BackendError>>(
        &mut self,
        sqlite: SqliteBegin,
        work: impl FnOnce(&mut Conn<'_>) -> Result<T, E>,
    ) -> Result<T, E> {
        match self {
            Conn::Sqlite(c) => {
                let behavior = match sqlite {
                    SqliteBegin::None => return work(&mut Conn::Sqlite(c)),
                    SqliteBegin::Deferred => rusqlite::TransactionBehavior::Deferred,
                    SqliteBegin::Immediate => rusqlite::TransactionBehavior::Immediate,
                };
                let tx = rusqlite::Transaction::new_unchecked(c, behavior)
                    .map_err(BackendError::from)?;
                let outcome = work(&mut Conn::Sqlite(&tx));
                if outcome.is_ok() {
                    tx.commit().map_err(BackendError::from)?;
                }
                outcome
            }
            Conn::Postgres(s) => {
                s.begin()?;
                let outcome = work(&mut Conn::Postgres(s));
                match outcome {
                    Ok(value) => {
                        s.commit()?;
                        Ok(value)
                    }
                    Err(e) => {
                        s.rollback();
                        Err(e)
                    }
                }
            }
        }
    }

    /// Waits until no other transaction holds `key`, then holds it until this transaction
    /// ends (PostgreSQL: `pg_advisory_xact_lock` on 64 bits of the key's SHA-256, PostgreSQL 15
    /// docs §9.27.10 and §13.3.5; another key sharing those bits only waits needlessly). Nothing on
    /// SQLite, where one writer at a time is the file's own rule. Call it inside
    /// [`Conn::transaction`], and take keys in one fixed order (device, mobile, slot) so that two
    /// transactions never wait on each other. Errors: the wait passed the busy timeout
    /// (`lock_timeout`), a `503` `server-busy`.
    pub fn lock_key(&mut self, key: &str) -> Result<(), BackendError> {
        match self {
            Conn::Sqlite(_) => Ok(()),
            Conn::Postgres(s) => s.lock_key(key),
        }
    }
}

impl Store {
    /// Opens the database `target` names: for SQLite as [`Db::open`]; for PostgreSQL a pool
    /// of at most `pool_size` connections, creating the schema if needed. Errors: the file
    /// cannot be opened, or the server cannot be reached or refuses the role.
    pub async fn open(target: &DatabaseTarget, pool_size: u32) -> Result<Store, BackendError> {
        let target = target.clone();
        tokio::task::spawn_blocking(move || match target {
            DatabaseTarget::Sqlite(path) => Db::open(&path).map(Store::Sqlite),
            DatabaseTarget::Postgres(url) => PgStore::open(&url, pool_size).map(Store::Postgres),
        })
        .await
        .map_err(|e| BackendError::Io(std::io::Error::other(e)))?
    }

    /// Opens `target` as [`Store::open`] and writes the demo data (as [`crate::open_demo`]).
    pub async fn open_demo(target: &DatabaseTarget, pool_size: u32) -> Result<Store, BackendError> {
        let store = Store::open(target, pool_size).await?;
        let now = chrono::Utc::now();
        store.run(move |conn| crate::seed::demo(conn, now)).await?;
        Ok(store)
    }

    /// Runs `work` with a connection on one of tokio's threads for blocking work
    /// (`spawn_blocking`) and hands back its result. On PostgreSQL, work that failed on a
    /// deadlock (SQLSTATE 40P01) or a serialization failure (40001) is run again, a few times,
    /// after a short pause (PostgreSQL 15 docs §13.5, §13.3.4): `work` must leave nothing behind when it
    /// fails, which a [`Conn::transaction`] ensures. Errors: `work`'s own; a connection not
    /// had within the busy timeout is `503` `server-busy`; a panic of the thread is
    /// [`BackendError::Io`].
    pub async fn run<T, E>(
        &self,
        mut work: impl FnMut(&mut Conn<'_>) -> Result<T, E> + Send + 'static,
    ) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<BackendError> + Send + 'static,
    {
        match self {
            Store::Sqlite(db) => db.run(move |conn| work(&mut Conn::Sqlite(conn))).await,
            Store::Postgres(pg) => {
                let pg = pg.clone();
                tokio::task::spawn_blocking(move || pg.run_blocking(&mut work))
                    .await
                    .map_err(|e| E::from(BackendError::Io(std::io::Error::other(e))))?
            }
        }
    }

    /// How long a request waits for the database another holder has locked (SQLite: the
    /// busy timeout; PostgreSQL: `lock_timeout` and the wait for a pooled connection) before
    /// it is answered `503` `server-busy`.
    pub fn set_busy_timeout(&self, timeout: std::time::Duration) -> Result<(), BackendError> {
        match self {
            Store::Sqlite(db) => Ok(db.lock().busy_timeout(timeout)?),
            Store::Postgres(pg) => {
                pg.set_busy_timeout(timeout);
                Ok(())
            }
        }
    }

    /// The SQLite database, if that is what this store is.
    pub fn sqlite(&self) -> Option<&Db> {
        match self {
            Store::Sqlite(db) => Some(db),
            Store::Postgres(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_postgres_url_selects_postgresql_and_anything_else_is_a_sqlite_path() {
        for url in ["postgres://u@h/db", "postgresql:///db?host=/tmp/x"] {
            assert_eq!(
                DatabaseTarget::parse(url),
                DatabaseTarget::Postgres(url.to_owned())
            );
        }
        for path in [
            "legal-backend.sqlite3",
            ":memory:",
            "/var/lib/postgres.sqlite3",
        ] {
            assert_eq!(
                DatabaseTarget::parse(path),
                DatabaseTarget::Sqlite(path.into())
            );
        }
    }

    #[test]
    fn a_password_never_shows_where_the_target_is_named() {
        let shown = DatabaseTarget::parse("postgres://kiosk:s3cret@db:5432/lk").to_string();
        assert_eq!(shown, "postgres://kiosk:***@db:5432/lk");
        assert_eq!(
            DatabaseTarget::parse("postgres://kiosk@db/lk").to_string(),
            "postgres://kiosk@db/lk"
        );
    }
}
