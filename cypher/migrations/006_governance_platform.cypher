// 政法综治信息平台：全县唯一的平台节点，部门账号（HOLDS_ACCOUNT）指向它。由迁移建立而不在导入中建立，
// 这样导入在发布之前不会让读取方看到任何新节点。
// The county's one governance platform, which departments' accounts (HOLDS_ACCOUNT) point
// to. Made here rather than by an import, so that no import makes anything visible before it
// is published (docs/model.md, "Imports").
MERGE (p:Platform:Record {code: 'PLAT-ZFZZ'})
ON CREATE SET p.name = '政法综治信息平台';
