"""The demo county's building blocks: the fixed lists and planted codes, the `County` that
collects rows while seeds.demo builds it, and the helpers every part of the build shares.

seeds.generate writes what seeds.demo (with seeds.demo_more and seeds.cadres) builds on these.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, timedelta

from hub.importer.ids import id_check_char, uscc_check_char

Row = dict[str, object]


def words(text: str) -> list[str]:
    return text.split()


SURNAMES = ("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧"
            "程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜"
            "范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段")
GIVEN = ("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国玉兰春梅海林志文红云波辉鹏宇"
         "晨浩然欣怡佳琪子轩雨涵梓萱")
PLACE = "青白松杨红金长东西南北安福兴和平丰泰宁新德富康乐民胜利光明永建河山岭沟屯湾营堡"
TOWNSHIPS = ["青山镇", "白河镇", "松林乡", "杨柳镇", "红星乡", "金水镇", "长岭乡", "东岗镇"]
AGENCIES = words(
    "县交通运输局 县市场监督管理局 县民政局 县委办公室 县政府办公室 县委组织部 县委宣传部 "
    "县委政法委 县发展和改革局 县教育局 县科学技术局 县工业和信息化局 县公安局 县司法局 "
    "县财政局 县人力资源和社会保障局 县自然资源局 县生态环境局 县住房和城乡建设局 县水利局 "
    "县农业农村局 县商务局 县文化旅游体育局 县卫生健康委员会 县退役军人事务局 县应急管理局 "
    "县审计局 县统计局 县医疗保障局 县林业和草原局 县信访局 县城市管理综合执法局 县行政审批局 "
    "县总工会 团县委 县妇联 县科协 县残联 县供销社 县融媒体中心 县人民医院 县中医院 "
    "县疾病预防控制中心 县第一中学 县第二中学 县职业技术学校 县税务局 县气象局 县消防救援大队 "
    "县供电公司 县邮政分公司 县烟草专卖局 县人民法院 县人民检察院 县档案馆 县图书馆 "
    "县自来水公司 县农村信用联社 县粮食和物资储备局 县乡村振兴局")
TOWN_OFFICES = ["人民政府", "派出所", "司法所", "卫生院", "中心学校", "财政所", "综合执法队",
                "农业综合服务站"]
OTHER_UNITS = words("县城投公司 县热力公司 县公交公司 县文化馆 县博物馆 县社会福利院 县污水处理厂 "
               "县委党校 县机关事务服务中心 县不动产登记中心 县公共资源交易中心 县老干部活动中心 "
               "县青少年活动中心")
SCHOOLS = ["北岭农业大学", "东山师范学院", "西川理工学院", "南湖财经学院"]
PRODUCTS = [("蜂蜜", "养殖"), ("木耳", "种植"), ("黄豆", "种植"), ("大米", "种植"),
            ("小米", "种植"), ("蘑菇", "种植"), ("肉牛", "养殖"), ("中草药", "种植"),
            ("杂粮", "种植"), ("蓝莓", "种植"), ("榛子", "林下"), ("土鸡蛋", "养殖")]
ORDER_KINDS = ["环境卫生", "矛盾纠纷", "安全隐患", "民生诉求", "市容秩序"]
GRADES = ["excellent", "competent", "competent", "competent", "basic"]

REPORT = date(2023, 6, 30)
PART_TIME_ONLY = {"XC-T02-C01-G01", "XC-T02-C01-G02", "XC-T03-C01-G01"}
SMALL_BRANCH = "XC-T04-C01-G01"
BIG_BRANCH = "XC-T05-C01-G01"
LATE_GRID_ORG = "XC-T01-C01-G02"
NEW_GRID = "XC-T01-C01-G03"
GROUP_ONLY = {f"XC-T{t:02d}-C{c:02d}-G02" for t in range(1, 9) for c in (5, 6)}
GROUP_IN_BRANCH = ["XC-T01-C02-G01", "XC-T02-C02-G01"]
NO_AWARD = {"XC-T08-V10", "XC-T08-V09", "XC-T07-V10", "XC-T08-C06"}
NO_REPORT = {"XC-T08-C06", "XC-T07-C07", "XC-T06-C07"}


def d(value: date) -> str:
    return value.isoformat()


def yes(flag: bool) -> str:
    return "是" if flag else "否"


class County:
    """Accumulates the rows of every kind while the county is built."""

    def __init__(self, households: int) -> None:
        self.rnd = random.Random(20230630)
        self.households = households
        self.rows: dict[str, list[Row]] = defaultdict(list)
        self.counter: dict[str, int] = defaultdict(int)
        self.ids: set[str] = set()
        self.org_members: dict[str, list[str]] = defaultdict(list)
        self.gaps: dict[str, list[str]] = {}
        self.villages: list[str] = []
        self.communities: list[str] = []
        self.grids: list[str] = []
        self.departments: list[str] = []

    def add(self, kind: str, /, **fields: object) -> None:
        self.rows[kind].append(fields)

    def next(self, prefix: str, width: int) -> str:
        self.counter[prefix] += 1
        return f"{prefix}{self.counter[prefix]:0{width}d}"

    def person_name(self) -> str:
        given = "".join(self.rnd.choice(GIVEN) for _ in range(self.rnd.choice((1, 2))))
        return self.rnd.choice(SURNAMES) + given

    def place(self, suffix: str) -> str:
        return "".join(self.rnd.sample(PLACE, 2)) + suffix

    def id_number(self, birth: date, gender: str) -> str:
        seq = self.rnd.randrange(0, 999)
        while True:
            if (seq % 2 == 1) != (gender == "M"):
                seq = (seq + 1) % 1000
                continue
            body = f"990300{birth:%Y%m%d}{seq:03d}"
            if body not in self.ids:
                self.ids.add(body)
                return body + id_check_char(body)
            seq = (seq + 2) % 1000

    def birth(self, first: int, last: int) -> date:
        return date(self.rnd.randint(first, last), self.rnd.randint(1, 12), self.rnd.randint(1, 28))

    def day(self, start: date, end: date) -> date:
        return start + timedelta(days=self.rnd.randint(0, (end - start).days))


def phone(prefix: str, code: str) -> str:
    """A synthetic 11-digit number from the record's code (no random draw, so adding phones
    left every other value of the demo county as it was)."""
    digits = "".join(ch for ch in code if ch.isdigit())
    return prefix + digits[-6:].zfill(6)


def uscc(index: int) -> str:
    body = f"91990300MA{index:07d}"
    return body + uscc_check_char(body)


def org(c: County, code: str, name: str, kind: str, territory: str, parent: str | None,
        since: str = "2000-01-01", **extra: object) -> None:
    c.add("party_orgs", code=code, name=name, kind=kind, territory=territory, parent=parent,
          since=since, **extra)


def new_member(c: County, org_code: str, since: str, full: bool = True,
               until: str | None = None) -> str:
    code = c.next("M", 5)
    gender = c.rnd.choice("MF")
    birth = c.birth(1955, 1998)
    joined = (date(2022, 10, 1) if not full else
              date(birth.year + c.rnd.randint(20, 24), c.rnd.randint(1, 12), 1))
    c.add("members", code=code, name=c.person_name(), idNumber=c.id_number(birth, gender),
          phone=phone("19903", code), gender=gender, birthDate=d(birth),
          fullMember=yes(full), joinedOn=d(joined))
    c.add("memberships", member=code, org=org_code, since=since, until=until)
    if until is None:
        c.org_members[org_code].append(code)
    return code
