//! `budgetql synth`: realistic, reproducible synthetic disclosures for tests and benchmarks.
//!
//! Nested regions with 财政区划 codes (synthetic provinces 66–99), departments of varied kinds,
//! natures and sizes in each county, and for every year a budget and, for past years, final
//! accounts: income, expenditure lines by function class, 三公, 机关运行经费, staff, 10–40
//! projects with 5–8 indicators each, procurement and fixed assets. A seeded share of documents
//! carries the inconsistencies real ones have, so findings exist too. The same options give the
//! same data.

mod bulk;
mod document;
mod names;

use std::time::{Duration, Instant};

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sea_orm::ActiveValue::Set;
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter};

use entity::{department, disclosure, project, region};

use crate::document::{DepartmentInfo, Stage};
use crate::findings::PreviousYear;
use crate::import::store::insert_all;
use crate::labels::Label;

pub use bulk::Written;
pub use names::MAX_COUNTIES;

/// What to generate.
#[derive(Debug, Clone)]
pub struct SynthOptions {
    /// Counties (each with its city and province).
    pub counties: usize,
    /// Departments per county.
    pub departments: usize,
    /// Fiscal years, ending with `last_year`.
    pub years: usize,
    pub last_year: i32,
    pub seed: u64,
    /// Projects per disclosure (inclusive range).
    pub projects: (usize, usize),
    /// Share of documents, in per mille, that carry an inconsistency.
    pub flawed_per_mille: u32,
}

impl Default for SynthOptions {
    fn default() -> Self {
        SynthOptions {
            counties: 1,
            departments: 100,
            years: 5,
            last_year: 2024,
            seed: 1,
            projects: (10, 40),
            flawed_per_mille: 30,
        }
    }
}

/// What was generated, and how long it took.
#[derive(Debug, Clone, Copy)]
pub struct SynthReport {
    pub regions: u64,
    pub departments: u64,
    pub written: Written,
    pub elapsed: Duration,
}

/// Why synthesis stopped. Batches written before the failure stay.
#[derive(Debug, thiserror::Error)]
pub enum SynthError {
    #[error("at most {MAX_COUNTIES} counties can be synthesised, not {0}")]
    TooManyCounties(usize),
    #[error("the database already holds synthetic region {0}: synthesise into a fresh database")]
    AlreadyPresent(String),
    #[error("a synthetic document was refused (a bug): {0}")]
    Document(#[from] crate::document::DocumentError),
    #[error("the database refused synthetic data: {0}")]
    Database(#[from] DbErr),
}

impl From<bulk::WriteError> for SynthError {
    fn from(error: bulk::WriteError) -> Self {
        match error {
            bulk::WriteError::Document(e) => SynthError::Document(e),
            bulk::WriteError::Database(e) => SynthError::Database(e),
        }
    }
}

/// Documents per transaction: big enough that statements are few, small enough that a batch
/// of rows stays within tens of MiB.
const BATCH: usize = 100;

/// Generates and stores the data set.
pub async fn synthesize(
    db: &DatabaseConnection,
    options: &SynthOptions,
) -> Result<SynthReport, SynthError> {
    let started = Instant::now();
    if options.counties > MAX_COUNTIES {
        return Err(SynthError::TooManyCounties(options.counties));
    }
    let first_code = names::county_codes(0).0;
    if region::Entity::find()
        .filter(region::Column::Code.eq(&first_code))
        .one(db)
        .await?
        .is_some()
    {
        return Err(SynthError::AlreadyPresent(first_code));
    }
    let county_ids = insert_regions(db, options.counties).await?;
    let mut next_department =
        bulk::next_id::<department::Entity>(db, department::Column::Id).await?;
    let mut next_disclosure =
        bulk::next_id::<disclosure::Entity>(db, disclosure::Column::Id).await?;
    let mut next_project = bulk::next_id::<project::Entity>(db, project::Column::Id).await?;

    let mut written = Written::default();
    let mut departments = 0;
    let mut batch = Vec::with_capacity(BATCH);
    for (county, county_id) in county_ids.iter().enumerate() {
        // One generator per county: the same seed gives the same county whatever else changes.
        let mut rng = ChaCha8Rng::seed_from_u64(
            options.seed ^ (county as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15),
        );
        let place = names::place_name(county);
        let mut rows = Vec::with_capacity(options.departments);
        let mut plans = Vec::with_capacity(options.departments);
        for index in 0..options.departments {
            let (name, kind) = names::department_name(&place, index);
            let nature = if kind.administrative {
                "行政单位"
            } else if rng.random_bool(0.5) {
                "事业单位"
            } else {
                "参照公务员法管理事业单位"
            };
            let id = next_department;
            next_department += 1;
            rows.push(department::ActiveModel {
                id: Set(id),
                name: Set(name.clone()),
                region_id: Set(Some(*county_id)),
                parent_id: Set(None),
                unit_nature: Set(Some(nature.to_owned())),
                rank: Set(Some("科级".to_owned())),
                funding_form: Set(Some("财政拨款".to_owned())),
                duties: Set(None),
            });
            let info = DepartmentInfo {
                name,
                region: None,
                unit_nature: Some(nature.to_owned()),
                rank: None,
                funding_form: None,
                duties: None,
            };
            plans.push((id, info, kind));
        }
        insert_all(db, rows, |_| ()).await?;
        departments += plans.len() as u64;

        for (department_id, info, kind) in plans {
            let profile = document::Profile::random(&mut rng, kind, options.projects);
            let mut figures = document::first_year(&mut rng, &profile);
            let mut previous: Option<(document::Headline, PreviousYear)> = None;
            let first_year = options.last_year - options.years as i32 + 1;
            for year in first_year..=options.last_year {
                if year > first_year {
                    figures = document::next_year(&mut rng, &figures);
                }
                let stages: &[Stage] = if year < options.last_year {
                    &[Stage::Budget, Stage::FinalAccounts]
                } else {
                    &[Stage::Budget]
                };
                let mut budget_previous = None;
                for stage in stages {
                    let stage_figures = if *stage == Stage::FinalAccounts {
                        document::final_accounts(&mut rng, &figures)
                    } else {
                        figures
                    };
                    let subject = document::Subject {
                        department: info.clone(),
                        kind,
                        fiscal_year: year,
                        stage: *stage,
                        profile: &profile,
                    };
                    let flawed = rng.random_range(0..1000) < options.flawed_per_mille;
                    let (last_figures, last_previous) = match (&previous, stage) {
                        (Some((headline, stored)), Stage::Budget) => {
                            (Some(headline), Some(stored.clone()))
                        }
                        _ => (None, None),
                    };
                    let doc = document::document(
                        &mut rng,
                        &subject,
                        &stage_figures,
                        last_figures,
                        flawed,
                    );
                    if *stage == Stage::Budget {
                        budget_previous = Some((stage_figures, PreviousYear::from_document(&doc)));
                    }
                    batch.push(bulk::PendingDocument {
                        department_id,
                        region_id: *county_id,
                        document: doc,
                        previous: last_previous,
                    });
                    if batch.len() >= BATCH {
                        written += bulk::write_batch(
                            db,
                            std::mem::take(&mut batch),
                            &mut next_disclosure,
                            &mut next_project,
                        )
                        .await?;
                    }
                }
                previous = budget_previous;
            }
        }
    }
    if !batch.is_empty() {
        written += bulk::write_batch(db, batch, &mut next_disclosure, &mut next_project).await?;
    }
    bulk::advance_sequences(db, &["region", "department", "disclosure", "project"]).await?;
    let regions = county_ids.len() as u64;
    Ok(SynthReport {
        regions,
        departments,
        written,
        elapsed: started.elapsed(),
    })
}

/// Inserts provinces, cities and counties; returns the counties' ids in order.
async fn insert_regions(db: &DatabaseConnection, counties: usize) -> Result<Vec<i32>, DbErr> {
    let mut next = bulk::next_id::<region::Entity>(db, region::Column::Id).await?;
    let mut rows = Vec::new();
    let mut county_ids = Vec::with_capacity(counties);
    let mut parents: std::collections::HashMap<String, (i32, String)> =
        std::collections::HashMap::new();
    for index in 0..counties {
        let (province, city, county) = names::county_codes(index);
        let mut parent: Option<(i32, String)> = None;
        for (code, level, name) in [
            (
                province,
                crate::document::RegionLevel::Province,
                format!("合成{}省", &names::place_name(index / 170 + 4000)),
            ),
            (
                city,
                crate::document::RegionLevel::City,
                format!("{}市", names::place_name(index / 10 + 3700)),
            ),
            (
                county,
                crate::document::RegionLevel::County,
                format!("{}县", names::place_name(index)),
            ),
        ] {
            let entry = match parents.get(&code) {
                Some(existing) => existing.clone(),
                None => {
                    let id = next;
                    next += 1;
                    let path = format!(
                        "{}{code}/",
                        parent.as_ref().map_or("/", |(_, p)| p.as_str())
                    );
                    rows.push(region::ActiveModel {
                        id: Set(id),
                        code: Set(code.clone()),
                        name: Set(name),
                        level: Set(level.label().to_owned()),
                        parent_id: Set(parent.as_ref().map(|(id, _)| *id)),
                        path: Set(path.clone()),
                    });
                    parents.insert(code.clone(), (id, path.clone()));
                    (id, path)
                }
            };
            parent = Some(entry);
        }
        county_ids.push(parent.map(|(id, _)| id).unwrap_or_default());
    }
    insert_all(db, rows, |_| ()).await?;
    Ok(county_ids)
}
