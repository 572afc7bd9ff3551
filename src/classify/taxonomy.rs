//! The ids of `taxonomy.md`: categories and key areas.

/// Category ids with their Chinese and English names, in report order.
pub const CATEGORIES: &[(&str, &str, &str)] = &[
    ("routine", "日常动态", "routine news"),
    ("decision", "决策公开", "decisions"),
    ("execution", "执行公开", "execution"),
    ("management", "管理公开", "management"),
    ("service", "服务公开", "services"),
    ("result", "结果公开", "results"),
    ("interpretation", "政策解读", "interpretations"),
    ("interaction", "回应关切", "responses"),
    ("other", "其他", "other"),
];

/// Key-area ids with their Chinese and English names.
pub const KEY_AREAS: &[(&str, &str, &str)] = &[
    ("fiscal", "财政预决算", "budgets and accounts"),
    ("major_projects", "重大建设项目", "major projects"),
    (
        "public_resources",
        "公共资源交易",
        "public resources trading",
    ),
    ("land_housing", "征地拆迁与住房保障", "land and housing"),
    ("social_assistance", "社会救助", "social assistance"),
    ("rural", "涉农补贴与乡村振兴", "rural"),
    ("employment", "就业社保", "employment and social insurance"),
    ("education", "教育", "education"),
    ("health", "卫生健康", "health"),
    ("environment", "生态环境", "environment"),
    ("safety", "安全生产与应急", "safety and emergencies"),
    ("food_drug", "食品药品", "food and drugs"),
    ("planning", "城乡规划与市政", "planning and utilities"),
    ("culture_sports", "公共文化体育", "culture and sports"),
    (
        "law_enforcement",
        "行政执法与法律服务",
        "law enforcement and legal services",
    ),
];

/// The category given when no rule matches.
pub const OTHER: &str = "other";

/// Categories that count as substantive disclosure (all but routine and other).
#[must_use]
pub fn is_substantive(category: &str) -> bool {
    category != "routine" && category != OTHER && category_index(category).is_some()
}

/// Position of a category in [`CATEGORIES`].
#[must_use]
pub fn category_index(id: &str) -> Option<usize> {
    CATEGORIES.iter().position(|c| c.0 == id)
}

/// Position of a key area in [`KEY_AREAS`].
#[must_use]
pub fn key_area_index(id: &str) -> Option<usize> {
    KEY_AREAS.iter().position(|c| c.0 == id)
}
