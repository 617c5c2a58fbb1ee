//! The text each domain enum is stored as in the database (the same spelling as in JSON and
//! GraphQL: `BUDGET`, `WAN_YUAN`…), and back.

use crate::document::{BudgetItem, Classification, RegionLevel, Stage};
use crate::findings::{FindingRule, Severity};
use crate::money::MoneyUnit;

/// An enum stored as a fixed label.
pub trait Label: Sized + Copy + 'static {
    /// Every variant with its label.
    const ALL: &'static [(Self, &'static str)];

    /// The label stored for this variant.
    fn label(self) -> &'static str;

    /// The variant stored as `label`, if any.
    fn from_label(label: &str) -> Option<Self> {
        Self::ALL.iter().find(|(_, l)| *l == label).map(|(v, _)| *v)
    }
}

macro_rules! labels {
    ($ty:ident { $($variant:ident => $label:literal),+ $(,)? }) => {
        impl Label for $ty {
            const ALL: &'static [(Self, &'static str)] = &[$(($ty::$variant, $label)),+];

            fn label(self) -> &'static str {
                match self {
                    $($ty::$variant => $label),+
                }
            }
        }
    };
}

labels!(Stage { Budget => "BUDGET", AdjustedBudget => "ADJUSTED_BUDGET", FinalAccounts => "FINAL_ACCOUNTS" });
labels!(MoneyUnit { WanYuan => "WAN_YUAN", Yuan => "YUAN" });
labels!(Classification { Function => "FUNCTION", Economic => "ECONOMIC" });
labels!(RegionLevel { Province => "PROVINCE", City => "CITY", County => "COUNTY", Township => "TOWNSHIP" });
labels!(BudgetItem {
    IncomeTotal => "INCOME_TOTAL",
    ExpenditureTotal => "EXPENDITURE_TOTAL",
    Basic => "BASIC",
    Personnel => "PERSONNEL",
    PublicOperating => "PUBLIC_OPERATING",
    Project => "PROJECT",
    OperatingCost => "OPERATING_COST",
    ThreePublicTotal => "THREE_PUBLIC_TOTAL",
    OutboundTravel => "OUTBOUND_TRAVEL",
    VehicleTotal => "VEHICLE_TOTAL",
    VehiclePurchase => "VEHICLE_PURCHASE",
    VehicleOperation => "VEHICLE_OPERATION",
    Reception => "RECEPTION",
});

labels!(Severity { Error => "ERROR", Warning => "WARNING", Info => "INFO" });
labels!(FindingRule {
    PartsVersusTotal => "PARTS_VERSUS_TOTAL",
    ProjectsVersusProjectExpenditure => "PROJECTS_VERSUS_PROJECT_EXPENDITURE",
    StatedChangeContradiction => "STATED_CHANGE_CONTRADICTION",
    StatedChangeVersusPreviousYear => "STATED_CHANGE_VERSUS_PREVIOUS_YEAR",
    ImplausibleMagnitude => "IMPLAUSIBLE_MAGNITUDE",
    EmptyTarget => "EMPTY_TARGET",
    TruncatedText => "TRUNCATED_TEXT",
    BlankTotalRow => "BLANK_TOTAL_ROW",
});

#[cfg(test)]
mod tests {
    use super::*;

    /// The stored label is the serde spelling, so JSON, database and GraphQL agree.
    fn agrees_with_serde<T: Label + serde::Serialize + std::fmt::Debug + PartialEq>() {
        for (variant, label) in T::ALL {
            assert_eq!(
                serde_json::to_value(variant).unwrap(),
                serde_json::json!(label)
            );
            assert_eq!(T::from_label(label), Some(*variant));
        }
    }

    #[test]
    fn labels_are_the_serde_names() {
        agrees_with_serde::<Stage>();
        agrees_with_serde::<MoneyUnit>();
        agrees_with_serde::<Classification>();
        agrees_with_serde::<RegionLevel>();
        agrees_with_serde::<BudgetItem>();
        agrees_with_serde::<Severity>();
        agrees_with_serde::<FindingRule>();
    }
}
