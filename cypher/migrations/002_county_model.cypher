// Step 2: the county graph model: one unique code per record, per unit and per label;
// lookup indexes for the kinds and for hashed ID numbers. See docs/model.md. (`:Household` is
// indexed by code in step 8, not constrained: `:Record` keeps its codes unique. Databases
// migrated before step 8 got the constraint here, and step 8 drops it.)
// 第 2 步：县域图谱模型的唯一约束与索引（编码唯一；类型、身份证哈希索引）。
CREATE CONSTRAINT record_code IF NOT EXISTS FOR (n:Record) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT unit_code IF NOT EXISTS FOR (n:Unit) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT county_code IF NOT EXISTS FOR (n:County) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT township_code IF NOT EXISTS FOR (n:Township) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT village_code IF NOT EXISTS FOR (n:Village) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT community_code IF NOT EXISTS FOR (n:Community) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT grid_code IF NOT EXISTS FOR (n:Grid) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT party_org_code IF NOT EXISTS FOR (n:PartyOrg) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT department_code IF NOT EXISTS FOR (n:Department) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT enterprise_code IF NOT EXISTS FOR (n:Enterprise) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT cooperative_code IF NOT EXISTS FOR (n:Cooperative) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT platform_code IF NOT EXISTS FOR (n:Platform) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT member_code IF NOT EXISTS FOR (n:Member) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT grid_worker_code IF NOT EXISTS FOR (n:GridWorker) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT activity_code IF NOT EXISTS FOR (n:Activity) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT problem_code IF NOT EXISTS FOR (n:Problem) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT contact_point_code IF NOT EXISTS FOR (n:ContactPoint) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT instructor_code IF NOT EXISTS FOR (n:Instructor) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT facility_code IF NOT EXISTS FOR (n:Facility) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT weak_lax_code IF NOT EXISTS FOR (n:WeakLax) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT award_code IF NOT EXISTS FOR (n:Award) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT graduate_code IF NOT EXISTS FOR (n:Graduate) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT dev_plan_code IF NOT EXISTS FOR (n:DevPlan) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT product_code IF NOT EXISTS FOR (n:Product) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT brand_code IF NOT EXISTS FOR (n:Brand) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT honour_code IF NOT EXISTS FOR (n:Honour) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT cadre_code IF NOT EXISTS FOR (n:Cadre) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT work_order_code IF NOT EXISTS FOR (n:WorkOrder) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT campaign_code IF NOT EXISTS FOR (n:Campaign) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT publication_code IF NOT EXISTS FOR (n:Publication) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT commendation_code IF NOT EXISTS FOR (n:Commendation) REQUIRE n.code IS UNIQUE;
CREATE INDEX party_org_kind IF NOT EXISTS FOR (n:PartyOrg) ON (n.kind);
CREATE INDEX facility_kind IF NOT EXISTS FOR (n:Facility) ON (n.kind);
CREATE INDEX grid_worker_type IF NOT EXISTS FOR (n:GridWorker) ON (n.type);
CREATE INDEX work_order_status IF NOT EXISTS FOR (n:WorkOrder) ON (n.status);
CREATE INDEX department_kind IF NOT EXISTS FOR (n:Department) ON (n.kind);
CREATE INDEX enterprise_industry IF NOT EXISTS FOR (n:Enterprise) ON (n.industry);
CREATE INDEX member_id_hash IF NOT EXISTS FOR (n:Member) ON (n.idHash);
CREATE INDEX grid_worker_id_hash IF NOT EXISTS FOR (n:GridWorker) ON (n.idHash);
CREATE INDEX instructor_id_hash IF NOT EXISTS FOR (n:Instructor) ON (n.idHash);
CREATE INDEX graduate_id_hash IF NOT EXISTS FOR (n:Graduate) ON (n.idHash);
CREATE INDEX cadre_id_hash IF NOT EXISTS FOR (n:Cadre) ON (n.idHash);
CREATE INDEX step_status IF NOT EXISTS FOR ()-[s:STEP]-() ON (s.status);
