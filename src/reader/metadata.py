"""The words that mark a byline, as data: labels per field, page controls, placeholders, surnames.

A label owns the text up to the next label. These tables are read by ``reader.byline`` (which
lines are bylines and what they say) and ``reader.names`` (what is a person's name); the parser
asks ``control_words`` how many page controls a line holds.
"""

from __future__ import annotations

import re
from enum import StrEnum


class Field(StrEnum):
    AUTHOR = "author"
    SOURCE = "source"
    PUBLISHED = "published"
    UPDATED = "updated"
    DATE = "date"  # a date with no published/updated label
    VIEWS = "views"
    EDITOR = "editor"
    CREDIT = "credit"
    CONTROL = "control"  # 字体/打印/关闭 …: page controls, carry no value


# Longest labels first so that 文章来源 wins over 来源 and 责任编辑 over 编辑.
LABELS: dict[Field, tuple[str, ...]] = {
    Field.AUTHOR: (
        "作者",
        "作 者",
        "作　者",
        "文字",
        "撰稿人",
        "撰稿",
        "撰文",
        "本报记者",
        "本報記者",
        "特约记者",
        "特約記者",
        "记者",
        "記者",
        "通讯员",
        "通訊員",
        "博主",
        "发帖人",
        "楼主",
        "Author",
        "Autor",
        "Autorin",
        "Автор",
        "Συντάκτης",
        "Written by",
        "Reporter",
    ),
    Field.SOURCE: (
        "文章来源",
        "文章來源",
        "稿件来源",
        "稿件來源",
        "信息来源",
        "資料來源",
        "新闻来源",
        "新聞來源",
        "消息来源",
        "来源",
        "來源",
        "来自",
        "出处",
        "出處",
        "转载自",
        "轉載自",
        "Source",
        "Quelle",
        "Fuente",
        "Fonte",
        "Источник",
        "Źródło",
        "Πηγή",
    ),
    Field.UPDATED: (
        "最后更新",
        "最後更新",
        "更新时间",
        "更新時間",
        "更新日期",
        "更新于",
        "更新於",
        "修改时间",
        "修改時間",
        "Last updated",
        "Aktualisiert",
        "Mis à jour",
        "Обновлено",
        "Last modified",
        "Updated",
        "Modified",
    ),
    Field.PUBLISHED: (
        "发布时间",
        "發布時間",
        "發佈時間",
        "发布日期",
        "發布日期",
        "發佈日期",
        "发表时间",
        "發表時間",
        "发表日期",
        "發表日期",
        "发稿时间",
        "發稿時間",
        "上传时间",
        "上傳時間",
        "录入时间",
        "錄入時間",
        "刊登日期",
        "出版日期",
        "发表于",
        "發表於",
        "发布于",
        "發佈於",
        "发布",
        "發佈",
        "發布",
        "发表",
        "發表",
        "时间",
        "時間",
        "日期",
        "Published on",
        "Veröffentlicht",
        "Publié le",
        "Опубликовано",
        "Published",
        "Posted on",
        "Posted",
        "Date",
    ),
    Field.VIEWS: (
        "点击数",
        "點擊數",
        "点击量",
        "點擊量",
        "点击率",
        "点击",
        "點擊",
        "浏览次数",
        "瀏覽次數",
        "浏览量",
        "瀏覽量",
        "浏览",
        "瀏覽",
        "阅读数",
        "閱讀數",
        "阅读量",
        "閱讀量",
        "阅读",
        "閱讀",
        "阅读次数",
        "人气",
        "人氣",
        "访问量",
        "訪問量",
        "查看",
        "Views",
        "Hits",
        "Reads",
        "Просмотров",
        "Просмотры",
        "Aufrufe",
        "Visitas",
        "Wyświetleń",
    ),
    Field.EDITOR: (
        "责任编辑",
        "責任編輯",
        "编辑",
        "編輯",
        "责编",
        "責編",
        "编审",
        "編審",
        "Editor",
        "Edited by",
        "Redaktion",
        "Επιμέλεια",
    ),
    Field.CREDIT: (
        "供稿",
        "摄影",
        "攝影",
        "图片",
        "圖片",
        "翻译",
        "翻譯",
        "校对",
        "校對",
        "审核",
        "審核",
        "审校",
        "Photo",
        "Photos",
        "Foto",
        "Fotos",
        "Фото",
        "Photograph",
        "Credit",
        "Translated by",
    ),
}
CONTROL_WORDS = (
    "字体",
    "字體",
    "字号",
    "字號",
    "打印",
    "关闭",
    "關閉",
    "收藏",
    "分享到",
    "分享",
    "繁体",
    "繁體",
    "简体",
    "簡體",
    "返回顶部",
    "返回頂部",
    "大 中 小",
    "大中小",
    "小 中 大",
    "小 大",
    "评论",
    "評論",
    "转发",
    "轉發",
    "轉寄",
    "订阅",
    "訂閱",
    "复制网址",
    "複製網址",
    "字级",
    "字級",
    "电子邮件",
    "電子郵件",
    "登录",
    "登入",
    "注册",
    "註冊",
    "RSS",
    "Print",
    "Share",
    "Font size",
    "Email",
    "EMAIL",
    "Bookmark",
    "Tweet",
    "Send",
    "Comment",
    # Print and share in the other languages whose labels this module reads (de, fr, ru, pl, el).
    "Drucken",
    "Teilen",
    "Imprimer",
    "Partager",
    "Печать",
    "Поделиться",
    "Drukuj",
    "Udostępnij",
    "Εκτύπωση",
    "Κοινοποίηση",
)
NAV_WORDS = (
    "上一篇",
    "下一篇",
    "上一条",
    "下一条",
    "上一條",
    "下一條",
    "上一頁",
    "下一頁",
    "上一則",
    "下一則",
    "上一则",
    "下一则",
    "回列表",
    "返回列表",
    "Previous",
    "Next",
)
PLACEHOLDERS = frozenset(
    {
        "佚名",
        "未知",
        "本站",
        "本网",
        "本網",
        "admin",
        "administrator",
        "管理员",
        "管理員",
        "匿名",
        "不详",
        "不詳",
        "unknown",
        "暂无",
        "暫無",
        "none",
        "null",
        "无",
        "無",
        "网络",
        "網絡",
        "网友",
        "網友",
        "系统管理员",
        "webmaster",
        "editor",
        "n/a",
        "na",
        "-",
        "--",
        "小编",
        "小編",
        "原创",
        "本站原创",
        "本站編輯",
    }
)


_label_alt = "|".join(
    re.escape(label).replace(r"\ ", r"\s*")
    for label in sorted((lab for labs in LABELS.values() for lab in labs), key=len, reverse=True)
)

# The characters a label can start with. The lookahead on them changes no match, only its cost:
# case-insensitive literals get no quick first-character test in re, so without it every
# position of every line entered each of the hundred-odd branches (a millisecond a page).
_label_first = "".join(sorted({label[0] for labs in LABELS.values() for label in labs}))
# A label needs a colon after it, except for the few that are never followed by one in practice.
LABEL_RE = re.compile(
    r"(?=[" + re.escape(_label_first) + r"])"
    r"(?P<label>" + _label_alt + r")\s*"
    r"(?P<colon>[:：]|/|／|\s(?=\S)|(?=(?:19|20)\d\d)|(?=\d[\d,]*\s*人?次))",
    re.IGNORECASE,
)
_LABEL_OF: dict[str, Field] = {
    re.sub(r"\s+", "", label).lower(): f for f, labs in LABELS.items() for label in labs
}


def label_field(label: str) -> Field:
    # Most labels hold no whitespace: their lower case is the key itself (no key holds any, so a
    # hit means there was none to take out), and the re.sub with its cache look-up is not paid.
    found = _LABEL_OF.get(label.lower())
    return found if found is not None else _LABEL_OF[re.sub(r"\s+", "", label).lower()]


_CONTROLS_RE = re.compile(
    "|".join(re.escape(w) for w in sorted({*CONTROL_WORDS, *NAV_WORDS}, key=len, reverse=True))
)


def control_words(text: str) -> int:
    """How many page-control words (font size, print, share, previous/next…) the text has."""
    return len(_CONTROLS_RE.findall(text))


# The commonest Chinese surnames (single and double). An unlabelled "name" must start with one:
# that tells 胡平 or 赵延东 from 人物, 采访 or 图片 on a line of its own.
SURNAMES = frozenset(
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何林罗羅高郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧"
    "曹彭曾肖萧蕭田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈"
    "夏韦韋付方白邹鄒孟熊秦邱江尹薛闫閆段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯"
    "常温溫康施文牛樊葛邢安齐齊易乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷詹申欧歐耿关關兰蘭焦俞左柳甘祝包"
    "宁寧尚符舒阮柯纪紀梅童凌毕畢单單季裴霍涂成苗谷盛曲翁冉骆駱蓝藍路游辛靳管柴蒙鲍鮑华華喻祁蒲房滕屈饶饒"
    "解牟艾尤阳陽时時穆农農司卓古吉缪繆简簡车車项項连連芦蘆麦麥褚娄婁窦竇戚岑景党黨宫宮费費卜冷晏席卫衛"
    "米柏宗瞿桂全佟应應臧闵閔苟邬鄔边邊卞姬师師和仇栾欒隋商刁沙荣榮巫寇桑郎甄丛叢仲虞敖巩鞏明佘池查麻苑迟遲"
    "邝鄺官封谈談匡鞠惠荆荊乐樂冀郁胥南班储儲原栗燕楚鄢劳勞谌諶奚皮粟冼蔺藺楼樓盘盤满滿闻聞位厉厲伊仝区區"
    "郜海阚闞花权權强強帅帥屠豆朴盖蓋练練廉禹井祖漆巴丰支卿国國狄平计計索宣晋晉相初门門云雲容敬来來扈晁芮都普"
    "阙闕浦戈伏鹿薄邸雍辜羊阿乌烏母裘亓修邰赫杭况況那宿鲜鮮印逯隆茹诸諸战戰慕危玉银銀亢嵇公哈湛宾賓戎勾茅利於"
    "呼居揭干但尉冶斯元束檀衣信展阴陰昝智幸奉植衡富尧堯闭閉由"
)
COMPOUND_SURNAMES = (
    "欧阳",
    "歐陽",
    "司马",
    "司馬",
    "上官",
    "诸葛",
    "諸葛",
    "东方",
    "東方",
    "皇甫",
    "尉迟",
    "公孙",
    "慕容",
    "令狐",
    "司徒",
    "夏侯",
)
