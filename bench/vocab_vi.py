"""Vocabulary and sentence templates for the synthetic Vietnamese archive (bench/synthetic.py).

Everything here is ordinary administrative Vietnamese as provincial offices write it
(Decree 30/2020/NĐ-CP layout, Party documents under Guidance 36-HD/VPTW). Places and
people are fictional (the province is "Sơn Hà", as in the sample catalog); the laws and
decrees cited are real public acts, so document numbers look and repeat like real ones.

Templates use ``{slot}`` names filled by :class:`synthetic.TextMaker`:

- ``{obj}``, ``{obj2}``: the topic's object phrases ("công tác số hóa tài liệu lưu trữ");
  ``{term}``, ``{term2}``: the topic's nouns; ``{task}``: a topic task (verb phrase);
- ``{agency}``, ``{agency2}``: agencies in running text; ``{unit}``: local units;
- ``{place}``: a commune with its district; ``{district}``; ``{province}`` = "tỉnh Sơn Hà";
- ``{cite}``: a cited act ("Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về
  công tác văn thư"); ``{ref}``: an earlier document of this archive;
- ``{date}``, ``{deadline}``, ``{year}``, ``{prev_year}``, ``{next_year}``, ``{period}``;
- ``{n}``, ``{n2}``, ``{big}``, ``{pct}``, ``{money}``, ``{area}``;
- ``{person}`` (with a title), ``{name}`` (a bare name), ``{verb}``, ``{adv}``.
"""

from __future__ import annotations

PROVINCE = "Sơn Hà"

# --------------------------------------------------------------------------- places

DISTRICTS = [
    "thành phố Sơn Hà", "thị xã Hòa An", "huyện Tân Phú", "huyện Bình Sơn", "huyện Phước Long",
    "huyện Yên Lạc", "huyện Kim Thành", "huyện Quảng Điền", "huyện Thạch Bàn", "huyện Lạc Dương",
    "huyện Đông Hưng", "huyện Vĩnh Xuân", "huyện Mỹ Lộc", "huyện Cẩm Giang", "thị xã Nam Thịnh",
]
COMMUNE_HEADS = [
    "Tân", "Hòa", "Phước", "An", "Bình", "Thạnh", "Long", "Đông", "Tây", "Nam", "Bắc", "Hưng",
    "Thịnh", "Quang", "Yên", "Kim", "Xuân", "Thanh", "Vĩnh", "Mỹ", "Phú", "Cẩm", "Hợp", "Đức",
]
COMMUNE_TAILS = [
    "Lập", "Bình", "Thành", "Hòa", "Phú", "Lợi", "Sơn", "Hưng", "Thịnh", "An", "Trung",
    "Tiến", "Hà", "Lộc", "Thủy", "Mỹ", "Phong", "Khánh", "Nghĩa", "Tân", "Thuận", "Quý",
]
COMMUNE_KINDS = ["xã"] * 8 + ["phường", "thị trấn"]
VILLAGES = ["thôn", "ấp", "bản", "tổ dân phố", "khu phố"]

# --------------------------------------------------------------------------- people

FAMILY = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
    "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương", "Lương", "Mai", "Tạ", "Hà", "Đoàn",
]
MIDDLE_M = ["Văn", "Minh", "Hữu", "Đức", "Quang", "Công", "Thanh", "Xuân", "Ngọc", "Đình", "Tiến"]
MIDDLE_F = ["Thị", "Thị", "Thị", "Thu", "Ngọc", "Thanh", "Kim", "Hồng", "Minh", "Diệu"]
GIVEN_M = [
    "An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Hùng", "Huy", "Khánh", "Khoa",
    "Long", "Nam", "Nghĩa", "Phong", "Phúc", "Quân", "Sơn", "Tâm", "Thắng", "Thành",
    "Toàn", "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Quý", "Thủy", "Lộc",
]
GIVEN_F = [
    "Anh", "Châu", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hoa", "Hương", "Huyền", "Lan",
    "Liên", "Linh", "Loan", "Mai", "Nga", "Ngân", "Nhung", "Phương", "Quyên", "Thảo",
    "Thúy", "Thủy", "Trang", "Tuyết", "Vân", "Yến", "Oanh", "Hòa", "Thuận",
]
LEADER_TITLES_STATE = [
    "Chủ tịch UBND tỉnh", "Phó Chủ tịch UBND tỉnh", "Giám đốc Sở Nội vụ",
    "Phó Giám đốc Sở Tài nguyên và Môi trường", "Chánh Văn phòng UBND tỉnh",
    "Chủ tịch UBND huyện", "Trưởng phòng Nội vụ huyện", "Chi cục trưởng Chi cục Văn thư - Lưu trữ",
    "Giám đốc Trung tâm Lưu trữ lịch sử tỉnh", "Phó Giám đốc Sở Tài chính",
]
LEADER_TITLES_PARTY = [
    "Bí thư Tỉnh ủy", "Phó Bí thư Thường trực Tỉnh ủy", "Ủy viên Ban Thường vụ Tỉnh ủy",
    "Trưởng Ban Tổ chức Tỉnh ủy", "Chánh Văn phòng Tỉnh ủy", "Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy",
    "Trưởng Ban Tuyên giáo Tỉnh ủy", "Bí thư Huyện ủy", "Phó Chánh Văn phòng Tỉnh ủy",
]

# --------------------------------------------------------------------------- agencies

AGENCIES_STATE = [
    "Ủy ban nhân dân tỉnh", "Văn phòng UBND tỉnh", "Sở Nội vụ", "Sở Tài chính",
    "Sở Kế hoạch và Đầu tư", "Sở Tài nguyên và Môi trường", "Sở Nông nghiệp và Phát triển nông thôn",
    "Sở Xây dựng", "Sở Giao thông vận tải", "Sở Giáo dục và Đào tạo", "Sở Y tế",
    "Sở Thông tin và Truyền thông", "Sở Văn hóa, Thể thao và Du lịch", "Sở Công Thương",
    "Sở Lao động - Thương binh và Xã hội", "Sở Tư pháp", "Sở Khoa học và Công nghệ",
    "Thanh tra tỉnh", "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Ban Dân tộc tỉnh",
    "Chi cục Văn thư - Lưu trữ", "Trung tâm Lưu trữ lịch sử tỉnh", "Cục Thuế tỉnh",
    "Kho bạc Nhà nước tỉnh", "Bảo hiểm xã hội tỉnh", "Đài Phát thanh và Truyền hình tỉnh",
    "Ban Quản lý các khu công nghiệp", "Văn phòng Đăng ký đất đai",
    "Trung tâm Phát triển quỹ đất", "Ban Chỉ huy Phòng chống thiên tai và Tìm kiếm cứu nạn tỉnh",
    "Hội đồng nhân dân tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
]
AGENCIES_PARTY = [
    "Ban Thường vụ Tỉnh ủy", "Ban Chấp hành Đảng bộ tỉnh", "Ban Tổ chức Tỉnh ủy",
    "Ban Tuyên giáo Tỉnh ủy", "Ban Dân vận Tỉnh ủy", "Ban Nội chính Tỉnh ủy",
    "Ủy ban Kiểm tra Tỉnh ủy", "Văn phòng Tỉnh ủy", "Đảng ủy Khối các cơ quan tỉnh",
    "Đảng đoàn Hội đồng nhân dân tỉnh", "Ban cán sự đảng UBND tỉnh", "các huyện ủy, thị ủy, thành ủy",
    "các đảng ủy trực thuộc Tỉnh ủy", "Trường Chính trị tỉnh", "Báo Sơn Hà",
]
UNITS = [
    "các sở, ban, ngành", "các sở, ban, ngành, đoàn thể tỉnh", "UBND các huyện, thị xã, thành phố",
    "Ủy ban nhân dân các huyện, thị xã, thành phố", "UBND các xã, phường, thị trấn",
    "các cơ quan, đơn vị", "các cơ quan, tổ chức thuộc nguồn nộp lưu", "các phòng, ban chuyên môn",
    "các đơn vị sự nghiệp trực thuộc", "các cơ quan, đơn vị, địa phương", "các chi, đảng bộ cơ sở",
    "các tổ chức cơ sở đảng", "Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội",
]

# --------------------------------------------------------------------------- cited acts (real)

CITES_GENERAL = [
    "Luật Tổ chức chính quyền địa phương ngày 19/02/2025",
    "Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư",
    "Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030",
    "Quy chế làm việc của Ủy ban nhân dân tỉnh",
    "Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XVI, nhiệm kỳ 2020 - 2025",
    "Luật Ngân sách nhà nước số 83/2015/QH13",
    "Luật Cán bộ, công chức",
]

# --------------------------------------------------------------------------- generic language

VERBS = [
    "triển khai", "tổ chức thực hiện", "đẩy mạnh", "tăng cường", "rà soát", "kiểm tra, đôn đốc",
    "hướng dẫn", "tổng hợp", "chỉ đạo", "phối hợp thực hiện", "thực hiện nghiêm", "quán triệt",
    "cụ thể hóa", "đánh giá", "theo dõi", "nâng cao chất lượng", "tập trung chỉ đạo", "xây dựng",
]
ADVERBS = [
    "kịp thời", "nghiêm túc", "đầy đủ", "có hiệu quả", "đúng quy định", "chặt chẽ",
    "đồng bộ", "thường xuyên", "quyết liệt", "cơ bản đúng tiến độ", "thực chất",
]
PERIOD_PATTERNS = [
    "năm {year}", "6 tháng đầu năm {year}", "quý I năm {year}", "quý II năm {year}",
    "quý III năm {year}", "9 tháng năm {year}", "giai đoạn {p0} - {year5}", "nhiệm kỳ {p0m} - {p1m}",
    "năm {prev_year}", "tháng {month} năm {year}",
]
MONEY_UNITS = ["triệu đồng", "tỷ đồng"]

GENERIC_SENTENCES = [
    "Thực hiện {cite}, {agency} đã {verb} {obj} {adv}.",
    "Căn cứ {cite}, {agency} đề nghị {unit} {verb} {obj} trên địa bàn tỉnh.",
    "Trong {period}, {unit} đã {verb} {obj}, đạt nhiều kết quả quan trọng.",
    "Nhìn chung, {obj} trên địa bàn tỉnh có chuyển biến tích cực, được cấp ủy, chính quyền các cấp quan tâm chỉ đạo.",
    "Tuy nhiên, việc {task} ở một số địa phương còn chậm, chưa đáp ứng yêu cầu đề ra.",
    "Nguyên nhân chủ yếu là do một số cơ quan, đơn vị chưa nhận thức đầy đủ tầm quan trọng của {obj}; kinh phí bố trí còn hạn chế.",
    "{agency} giao {agency2} chủ trì, phối hợp với {unit} {verb} {obj}, báo cáo kết quả về UBND tỉnh {deadline}.",
    "Đề nghị {unit} quan tâm chỉ đạo, bố trí đủ nguồn lực để {task}.",
    "Thủ trưởng các cơ quan, đơn vị chịu trách nhiệm trước {agency} về kết quả {task} tại đơn vị mình.",
    "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị phản ánh kịp thời về {agency2} để tổng hợp, báo cáo {agency} xem xét, giải quyết.",
    "Tổng kinh phí thực hiện là {money}, từ nguồn ngân sách tỉnh và các nguồn vốn hợp pháp khác.",
    "Đến nay, toàn tỉnh có {n} cơ quan, đơn vị đã {task}, đạt tỷ lệ {pct}.",
    "Theo số liệu tổng hợp đến ngày {date}, đã có {big} hồ sơ được tiếp nhận và giải quyết đúng hạn, đạt {pct}.",
    "{agency} đã ban hành {n} văn bản chỉ đạo, hướng dẫn {unit} {verb} {obj}.",
    "Công tác kiểm tra, giám sát việc {task} được duy trì thường xuyên; qua kiểm tra đã chấn chỉnh kịp thời những thiếu sót.",
    "Năm {year}, {agency} tiếp tục xác định {obj} là một trong những nhiệm vụ trọng tâm.",
    "Các cơ quan, đơn vị chủ động xây dựng kế hoạch, phân công cụ thể cán bộ phụ trách, bảo đảm tiến độ và chất lượng.",
    "Việc {task} góp phần nâng cao hiệu lực, hiệu quả quản lý nhà nước và phục vụ tốt hơn người dân, doanh nghiệp.",
    "Một số chỉ tiêu chưa đạt kế hoạch đề ra, nhất là {term} và {term2}.",
    "Thời gian thực hiện: từ ngày {date} đến hết ngày 31/12/{year}.",
    "Kèm theo Công văn này là danh sách {term} và biểu mẫu báo cáo.",
    "{agency} đề nghị {unit} nghiêm túc triển khai thực hiện.",
    "Giao {agency2} theo dõi, đôn đốc, kiểm tra việc thực hiện; định kỳ báo cáo {agency} trước ngày 15 tháng cuối quý.",
    "Quyết định này có hiệu lực kể từ ngày ký.",
    "Tại buổi làm việc, {person} ghi nhận, đánh giá cao những kết quả {agency2} đạt được trong thời gian qua.",
    "Đồng thời, {person} đề nghị {agency2} tập trung khắc phục những tồn tại, hạn chế đã được chỉ ra.",
    "Tổ chức sơ kết, đánh giá kết quả {task} và đề xuất khen thưởng các tập thể, cá nhân có thành tích xuất sắc.",
    "Báo cáo số liệu theo mẫu kèm theo, gửi về {agency2} bằng văn bản và qua hệ thống quản lý văn bản và điều hành {deadline}.",
    "Số lượng hồ sơ tồn đọng còn nhiều, trong đó có {n2} hồ sơ quá hạn do thiếu thành phần giấy tờ.",
    "So với cùng kỳ năm {prev_year}, số lượng {term} tăng {n2} trường hợp.",
    "Tỷ lệ thực hiện đạt {pct} kế hoạch năm, tăng so với cùng kỳ năm trước.",
    "Việc phối hợp giữa các cấp, các ngành có lúc chưa chặt chẽ; chế độ thông tin, báo cáo chưa kịp thời.",
    "Đội ngũ cán bộ làm công tác chuyên môn ở cấp xã còn thiếu và thường xuyên thay đổi.",
    "Cơ sở vật chất, trang thiết bị phục vụ {obj} còn thiếu, chưa đồng bộ.",
    "Phát huy những kết quả đạt được, năm {next_year} {agency} tiếp tục {verb} {obj} gắn với {obj2}.",
    "Bố trí kinh phí {money} để thực hiện các nhiệm vụ nêu trên.",
    "Phấn đấu đến hết năm {year5}, 100% các cơ quan, đơn vị hoàn thành việc {task}.",
    "Ủy ban nhân dân {district} báo cáo để {agency} biết, chỉ đạo.",
    "Các nội dung khác thực hiện theo {cite}.",
    "{agency} yêu cầu {unit} thực hiện nghiêm túc, {adv} các nội dung nêu trên.",
    "Cán bộ, công chức, viên chức và người lao động thực hiện đúng nội quy, quy chế của cơ quan.",
    "Tổ chức hội nghị quán triệt, triển khai đến 100% cán bộ, đảng viên trong cơ quan.",
    "Kết quả trên là cơ sở quan trọng để {unit} tiếp tục {verb} {obj} trong thời gian tới.",
    "Tại {place}, việc {task} được triển khai thí điểm từ tháng {month} năm {year}.",
    "Hồ sơ, tài liệu hình thành trong quá trình thực hiện được lập hồ sơ và nộp lưu theo quy định.",
    "Về {term}: đã hoàn thành {pct} khối lượng công việc; dự kiến hoàn thành toàn bộ {deadline}.",
    "Kinh phí thực hiện năm {year} được bố trí trong dự toán ngân sách của các cơ quan, đơn vị.",
    "Đề nghị {agency2} xem xét, hỗ trợ kinh phí {money} để {task}.",
    "Số lượng văn bản đến là {big} văn bản, văn bản đi là {big2} văn bản, trong đó văn bản điện tử chiếm {pct}.",
    "{person} chủ trì hội nghị; dự hội nghị có đại diện lãnh đạo {unit}.",
    "Ngày {date}, {agency} đã tổ chức hội nghị {verb} {obj} với sự tham dự của {n2} đại biểu.",
    "{agency} đã {verb} {task} tại {place}; kết quả bước đầu cho thấy {adv2}.",
    "Đối với {term}, {agency2} có trách nhiệm {verb} và báo cáo {agency} {deadline}.",
    "Ý kiến của {person} về {obj} đã được {agency2} tiếp thu, hoàn thiện.",
    "Theo báo cáo của {agency2}, trong {period} đã {task} tại {n} xã, phường, thị trấn.",
    "Giao {agency2} tham mưu {agency} ban hành văn bản {verb} {obj}, hoàn thành {deadline}.",
    "Năm {prev_year}, {agency2} đã {verb} {obj}, tuy nhiên kết quả {adv2}.",
    "Tại {place}, {term} còn nhiều bất cập, cần được {verb} trong thời gian tới.",
    "Chủ động phối hợp với {agency2} và {unit} để {task}, bảo đảm {adv}.",
    "Phân công {person} trực tiếp chỉ đạo việc {task}.",
    "Tổ công tác của {agency} đã làm việc với {n} đơn vị về {obj} và {obj2}.",
    "Trường hợp {unit} không báo cáo đúng thời hạn, {agency} sẽ tổng hợp, báo cáo {agency2} xem xét trách nhiệm.",
    "Các nhiệm vụ về {obj2} tiếp tục được thực hiện theo {cite}.",
    "Về {obj2}, {agency2} đã {verb} {term}, bước đầu {adv2}.",
]
ADVERBS_RESULT = [
    "có chuyển biến rõ nét", "chưa đạt yêu cầu", "cơ bản đáp ứng yêu cầu", "được nhân dân đồng tình, ủng hộ",
    "còn nhiều hạn chế", "đạt và vượt kế hoạch", "chưa tương xứng với tiềm năng", "tương đối khả quan",
]

PARTY_SENTENCES = [
    "Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy, tổ chức đảng {verb} {obj} {adv}.",
    "Các cấp ủy, tổ chức đảng, cán bộ, đảng viên phát huy vai trò nêu gương, gương mẫu thực hiện {obj}.",
    "Thực hiện {cite}, Ban Thường vụ Tỉnh ủy đã ban hành {ref} để lãnh đạo, chỉ đạo {obj}.",
    "Đảng bộ tỉnh đã lãnh đạo thực hiện đạt và vượt {n} chỉ tiêu chủ yếu của Nghị quyết Đại hội.",
    "Công tác kiểm tra, giám sát của cấp ủy được tăng cường; đã kiểm tra {n} tổ chức đảng và {n2} đảng viên.",
    "Văn phòng Tỉnh ủy tham mưu Thường trực Tỉnh ủy theo dõi, đôn đốc việc thực hiện, định kỳ báo cáo Ban Thường vụ Tỉnh ủy.",
    "Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các cơ quan thông tin, báo chí tuyên truyền sâu rộng về {obj}.",
    "Tiếp tục đẩy mạnh việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh gắn với {obj}.",
    "Chỉ thị này được phổ biến đến chi bộ và đảng viên.",
    "Trong {period}, toàn Đảng bộ kết nạp được {n} đảng viên mới, đạt {pct} chỉ tiêu.",
]

TASKS_GENERIC = [
    "lập hồ sơ công việc", "ứng dụng công nghệ thông tin", "giải quyết thủ tục hành chính",
    "chấn chỉnh kỷ luật, kỷ cương hành chính", "thực hiện chế độ thông tin, báo cáo",
    "sơ kết, tổng kết", "tuyên truyền, phổ biến", "kiểm tra, rà soát",
]

# --------------------------------------------------------------------------- topics


class Topic:
    __slots__ = ("key", "objects", "terms", "tasks", "sentences", "cites", "keywords", "subjects")

    def __init__(self, key, *, objects, terms, tasks, sentences, cites, keywords, subjects):
        self.key = key
        self.objects = objects  # noun phrases: "công tác ..." as used after a verb
        self.terms = terms  # nouns of the field
        self.tasks = tasks  # verb phrases
        self.sentences = sentences  # topic-specific templates
        self.cites = cites  # real acts of the field
        self.keywords = keywords  # for the "Từ khóa" column
        self.subjects = subjects  # summary/subject phrases ("triển khai ...")


TOPICS = [
    Topic(
        "so_hoa",
        objects=["công tác số hóa tài liệu lưu trữ", "việc số hóa tài liệu lưu trữ",
                 "số hóa hồ sơ, tài liệu lưu trữ lịch sử", "xây dựng cơ sở dữ liệu tài liệu lưu trữ",
                 "chuyển đổi số trong công tác văn thư, lưu trữ", "lưu trữ tài liệu điện tử"],
        terms=["bản số hóa", "tài liệu giấy", "cơ sở dữ liệu tài liệu lưu trữ", "máy quét chuyên dụng",
               "siêu dữ liệu", "tệp tin PDF/A", "phông lưu trữ", "mục lục hồ sơ",
               "phần mềm quản lý tài liệu lưu trữ điện tử", "trang tài liệu", "kho lưu trữ số"],
        tasks=["số hóa tài liệu lưu trữ", "số hóa toàn bộ hồ sơ có giá trị bảo quản vĩnh viễn",
               "xây dựng cơ sở dữ liệu tài liệu lưu trữ", "chỉnh lý và số hóa tài liệu tồn đọng",
               "cập nhật siêu dữ liệu cho tài liệu đã số hóa"],
        sentences=[
            "Năm {year}, Trung tâm Lưu trữ lịch sử tỉnh đã số hóa {big} trang tài liệu thuộc {n} phông lưu trữ, đạt {pct} kế hoạch.",
            "Tài liệu sau khi số hóa được lưu trữ dưới định dạng PDF/A, độ phân giải tối thiểu 200 dpi, bảo đảm tính toàn vẹn và xác thực.",
            "Việc số hóa tài liệu lưu trữ phải thực hiện theo đúng quy trình, ưu tiên tài liệu có giá trị bảo quản vĩnh viễn và thường xuyên được khai thác.",
            "Đến nay, cơ sở dữ liệu tài liệu lưu trữ của tỉnh đã cập nhật {big} hồ sơ với {big2} trang tài liệu số hóa.",
            "Nhiều tài liệu giấy đã xuống cấp, ố vàng, giòn mục, cần được tu bổ trước khi số hóa.",
            "Kinh phí số hóa tài liệu lưu trữ năm {year} là {money}, bình quân {n2}.000 đồng một trang.",
            "Đề nghị {unit} lập danh mục tài liệu cần số hóa, gửi về Sở Nội vụ {deadline}.",
            "Tài liệu lưu trữ số hóa được kết nối, chia sẻ với cơ sở dữ liệu quốc gia về văn thư, lưu trữ.",
            "Sở Thông tin và Truyền thông bảo đảm hạ tầng kỹ thuật, an toàn thông tin cho hệ thống lưu trữ tài liệu điện tử.",
            "Người làm công tác lưu trữ tài liệu được tập huấn về quy trình số hóa và kiểm tra chất lượng bản số hóa.",
        ],
        cites=["Thông tư số 02/2019/TT-BNV ngày 24/01/2019 của Bộ Nội vụ quy định tiêu chuẩn dữ liệu thông tin đầu vào và yêu cầu bảo quản tài liệu lưu trữ điện tử",
               "Luật Lưu trữ số 33/2024/QH15 ngày 21/6/2024",
               "Thông tư số 05/2025/TT-BNV của Bộ Nội vụ",
               "Quyết định số 458/QĐ-TTg ngày 03/4/2020 của Thủ tướng Chính phủ phê duyệt Đề án Lưu trữ tài liệu điện tử của các cơ quan nhà nước giai đoạn 2020 - 2025",
               "Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư"],
        keywords=["số hóa", "lưu trữ", "tài liệu lưu trữ", "cơ sở dữ liệu", "chuyển đổi số"],
        subjects=["triển khai số hóa tài liệu lưu trữ", "kế hoạch số hóa tài liệu lưu trữ lịch sử",
                  "kết quả số hóa tài liệu lưu trữ", "xây dựng cơ sở dữ liệu tài liệu lưu trữ",
                  "đề nghị hỗ trợ kinh phí số hóa tài liệu"],
    ),
    Topic(
        "van_thu",
        objects=["công tác văn thư, lưu trữ", "công tác lưu trữ", "việc lập hồ sơ và nộp lưu hồ sơ, tài liệu",
                 "công tác quản lý văn bản đi, văn bản đến", "việc chỉnh lý tài liệu tồn đọng"],
        terms=["hồ sơ", "văn bản đi", "văn bản đến", "danh mục hồ sơ", "tài liệu tồn đọng",
               "mét giá tài liệu", "kho lưu trữ", "lưu trữ cơ quan", "thời hạn bảo quản", "mục lục hồ sơ",
               "con dấu", "sổ đăng ký văn bản", "tài liệu hết giá trị"],
        tasks=["lập hồ sơ và nộp lưu hồ sơ, tài liệu vào lưu trữ cơ quan", "chỉnh lý tài liệu tồn đọng",
               "ban hành danh mục hồ sơ", "tiêu hủy tài liệu hết giá trị", "giao nộp tài liệu vào Lưu trữ lịch sử",
               "lưu trữ tài liệu theo quy định"],
        sentences=[
            "Năm {year}, các cơ quan, đơn vị đã chỉnh lý {n2} mét giá tài liệu, lập được {big} hồ sơ.",
            "Trung tâm Lưu trữ lịch sử tỉnh đã thu thập {n2} mét giá tài liệu của {n} cơ quan thuộc nguồn nộp lưu.",
            "Việc lập hồ sơ công việc và giao nộp hồ sơ, tài liệu vào lưu trữ cơ quan chưa được thực hiện thường xuyên.",
            "Tài liệu tồn đọng, tích đống còn nhiều, chưa được phân loại, chỉnh lý và xác định giá trị.",
            "Kho lưu trữ của một số cơ quan chưa bảo đảm tiêu chuẩn; tài liệu còn để ở nơi ẩm thấp, dễ hư hỏng.",
            "Hội đồng xác định giá trị tài liệu đã thẩm định và đề nghị tiêu hủy {n2} mét giá tài liệu hết giá trị.",
            "Văn bản đi, văn bản đến được đăng ký, quản lý trên hệ thống quản lý văn bản và điều hành của tỉnh.",
            "Phục vụ {big} lượt độc giả khai thác, sử dụng tài liệu lưu trữ, cấp {n2} bản sao và chứng thực lưu trữ.",
            "Người đứng đầu cơ quan, tổ chức chịu trách nhiệm quản lý văn bản và lưu trữ tài liệu của cơ quan mình.",
        ],
        cites=["Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư",
               "Luật Lưu trữ số 33/2024/QH15 ngày 21/6/2024", "Luật Lưu trữ số 01/2011/QH13",
               "Hướng dẫn số 36-HD/VPTW ngày 03/4/2018 của Văn phòng Trung ương Đảng về thể thức văn bản của Đảng",
               "Thông tư số 05/2025/TT-BNV của Bộ Nội vụ",
               "Công văn số 64-CV/TW ngày 10/4/2025 của Ban Chấp hành Trung ương"],
        keywords=["văn thư", "lưu trữ", "hồ sơ", "chỉnh lý", "nộp lưu"],
        subjects=["tăng cường công tác văn thư, lưu trữ", "chỉnh lý tài liệu tồn đọng",
                  "giao nộp hồ sơ, tài liệu vào Lưu trữ lịch sử", "kiểm tra công tác văn thư, lưu trữ",
                  "ban hành danh mục hồ sơ năm {year}"],
    ),
    Topic(
        "cchc",
        objects=["công tác cải cách hành chính", "cải cách thủ tục hành chính", "cơ chế một cửa, một cửa liên thông",
                 "nâng cao Chỉ số cải cách hành chính (PAR INDEX)", "cải cách hành chính nhà nước"],
        terms=["thủ tục hành chính", "bộ phận một cửa", "Chỉ số hài lòng (SIPAS)", "dịch vụ công trực tuyến",
               "hồ sơ trễ hạn", "Trung tâm Phục vụ hành chính công", "Chỉ số PAR INDEX", "Chỉ số PCI"],
        tasks=["công khai thủ tục hành chính", "giải quyết thủ tục hành chính đúng hạn",
               "đơn giản hóa thủ tục hành chính", "cung cấp dịch vụ công trực tuyến toàn trình",
               "xin lỗi người dân khi để hồ sơ trễ hạn"],
        sentences=[
            "Năm {prev_year}, Chỉ số cải cách hành chính của tỉnh xếp thứ {n}/63 tỉnh, thành phố.",
            "Trung tâm Phục vụ hành chính công tỉnh đã tiếp nhận {big} hồ sơ, giải quyết đúng hạn {pct}.",
            "Tỷ lệ hồ sơ trực tuyến đạt {pct}, tăng so với năm {prev_year}.",
            "Đã rà soát, đề nghị đơn giản hóa {n} thủ tục hành chính thuộc thẩm quyền giải quyết của tỉnh.",
            "Vẫn còn tình trạng yêu cầu người dân bổ sung hồ sơ nhiều lần, gây phiền hà.",
            "Cơ quan để xảy ra hồ sơ trễ hạn phải có văn bản xin lỗi người dân, tổ chức.",
            "Việc đánh giá, chấm điểm Chỉ số cải cách hành chính được thực hiện khách quan, công khai.",
        ],
        cites=["Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030",
               "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính",
               "Nghị định số 107/2021/NĐ-CP ngày 06/12/2021 của Chính phủ"],
        keywords=["cải cách hành chính", "thủ tục hành chính", "một cửa", "dịch vụ công"],
        subjects=["đẩy mạnh cải cách hành chính", "kết quả cải cách hành chính {period}",
                  "kế hoạch cải cách hành chính năm {year}", "công bố danh mục thủ tục hành chính",
                  "nâng cao Chỉ số cải cách hành chính"],
    ),
    Topic(
        "dat_dai",
        objects=["công tác quản lý nhà nước về đất đai", "việc cấp giấy chứng nhận quyền sử dụng đất",
                 "công tác bồi thường, hỗ trợ, tái định cư", "việc thu hồi đất, giải phóng mặt bằng",
                 "quy hoạch, kế hoạch sử dụng đất", "việc giao đất, cho thuê đất"],
        terms=["giấy chứng nhận quyền sử dụng đất", "đất nông nghiệp", "đất ở", "đất rừng sản xuất",
               "bảng giá đất", "hộ gia đình, cá nhân", "diện tích đất", "mặt bằng", "khu tái định cư",
               "đất công ích", "tranh chấp đất đai", "bản đồ địa chính", "hồ sơ địa chính"],
        tasks=["thu hồi đất để thực hiện dự án", "cấp giấy chứng nhận quyền sử dụng đất lần đầu",
               "giải phóng mặt bằng", "điều chỉnh bảng giá đất", "xử lý vi phạm pháp luật về đất đai",
               "đo đạc, lập bản đồ địa chính", "chỉnh lý hồ sơ địa chính"],
        sentences=[
            "Thu hồi {area} đất của {n} hộ gia đình, cá nhân tại {place} để thực hiện dự án.",
            "Giao UBND {district} tổ chức thực hiện bồi thường, hỗ trợ, tái định cư theo quy định của pháp luật về đất đai.",
            "Năm {year}, toàn tỉnh đã cấp {big} giấy chứng nhận quyền sử dụng đất với tổng diện tích {area}.",
            "Tình trạng lấn chiếm, sử dụng đất sai mục đích còn xảy ra ở một số địa phương, nhất là đất công ích.",
            "Tổng kinh phí bồi thường, hỗ trợ là {money}; diện tích đất bị thu hồi là {area}.",
            "Trong {period}, đã tiếp nhận {n2} đơn tranh chấp đất đai, đã giải quyết dứt điểm {n} đơn.",
            "Văn phòng Đăng ký đất đai cập nhật, chỉnh lý biến động đất đai vào hồ sơ địa chính.",
            "Quy hoạch sử dụng đất đến năm 2030 của {district} đã được phê duyệt, làm căn cứ giao đất, cho thuê đất.",
            "Vị trí, ranh giới khu đất được xác định theo bản đồ địa chính tỷ lệ 1/2000.",
            "Giá đất cụ thể để tính bồi thường do UBND tỉnh quyết định.",
        ],
        cites=["Luật Đất đai số 31/2024/QH15 ngày 18/01/2024",
               "Nghị định số 88/2024/NĐ-CP ngày 15/7/2024 của Chính phủ quy định về bồi thường, hỗ trợ, tái định cư khi Nhà nước thu hồi đất",
               "Luật Đất đai số 45/2013/QH13", "Nghị định số 43/2014/NĐ-CP ngày 15/5/2014 của Chính phủ"],
        keywords=["đất đai", "thu hồi đất", "giải phóng mặt bằng", "bồi thường"],
        subjects=["thu hồi đất để thực hiện dự án tại {place}", "phê duyệt phương án bồi thường, hỗ trợ, tái định cư",
                  "kết quả cấp giấy chứng nhận quyền sử dụng đất", "tăng cường quản lý nhà nước về đất đai",
                  "điều chỉnh kế hoạch sử dụng đất năm {year}"],
    ),
    Topic(
        "thien_tai",
        objects=["công tác phòng, chống thiên tai và tìm kiếm cứu nạn", "phòng chống thiên tai",
                 "công tác ứng phó với bão, lũ", "khắc phục hậu quả thiên tai", "phòng, chống sạt lở đất"],
        terms=["bão số {n}", "áp thấp nhiệt đới", "mưa lớn", "lũ quét", "sạt lở đất", "ngập lụt",
               "hạn hán", "xâm nhập mặn", "đê điều", "hồ chứa nước", "lực lượng xung kích",
               "phương án sơ tán dân", "vật tư, phương tiện cứu hộ", "Quỹ phòng, chống thiên tai"],
        tasks=["sơ tán người dân ra khỏi vùng nguy hiểm", "bảo đảm an toàn hồ đập",
               "khắc phục hậu quả mưa lũ", "kiểm tra, gia cố đê điều", "trực ban phòng chống thiên tai 24/24 giờ"],
        sentences=[
            "Do ảnh hưởng của bão số {n}, trên địa bàn tỉnh có mưa to đến rất to, lượng mưa phổ biến từ 200 - 350 mm.",
            "Mưa lũ đã làm {n} người chết, {n2} nhà bị sập đổ, hư hỏng; {area} lúa và hoa màu bị ngập úng.",
            "Tổng thiệt hại do thiên tai ước tính khoảng {money}.",
            "Yêu cầu UBND {district} tổ chức sơ tán {big} hộ dân ra khỏi khu vực có nguy cơ sạt lở đất, lũ quét.",
            "Duy trì nghiêm chế độ trực ban, theo dõi chặt chẽ diễn biến của bão, lũ để chỉ đạo ứng phó kịp thời.",
            "Thực hiện tốt phương châm bốn tại chỗ: chỉ huy tại chỗ, lực lượng tại chỗ, vật tư, phương tiện tại chỗ, hậu cần tại chỗ.",
            "Hỗ trợ {money} từ Quỹ phòng, chống thiên tai tỉnh để khắc phục hậu quả mưa lũ tại {place}.",
            "Các hồ chứa nước phải vận hành đúng quy trình, tuyệt đối không để xảy ra sự cố vỡ đập.",
            "Tình trạng xâm nhập mặn, hạn hán kéo dài ảnh hưởng đến sản xuất và nước sinh hoạt của người dân.",
        ],
        cites=["Luật Phòng, chống thiên tai số 33/2013/QH13",
               "Luật sửa đổi, bổ sung một số điều của Luật Phòng, chống thiên tai và Luật Đê điều số 60/2020/QH14",
               "Nghị định số 66/2021/NĐ-CP ngày 06/7/2021 của Chính phủ"],
        keywords=["thiên tai", "bão", "lũ", "sạt lở", "tìm kiếm cứu nạn"],
        subjects=["chủ động ứng phó với bão số {n}", "khắc phục hậu quả mưa lũ",
                  "kế hoạch phòng, chống thiên tai năm {year}", "hỗ trợ kinh phí khắc phục hậu quả thiên tai",
                  "kiện toàn Ban Chỉ huy Phòng chống thiên tai và Tìm kiếm cứu nạn"],
    ),
    Topic(
        "xay_dung_dang",
        objects=["công tác xây dựng Đảng và hệ thống chính trị", "công tác tổ chức xây dựng Đảng",
                 "công tác kiểm tra, giám sát và thi hành kỷ luật đảng", "việc kết nạp đảng viên",
                 "nâng cao chất lượng sinh hoạt chi bộ", "công tác chính trị tư tưởng"],
        terms=["đảng viên", "chi bộ", "tổ chức cơ sở đảng", "cấp ủy viên", "đảng viên mới",
               "Nghị quyết Trung ương 4 khóa XII", "sinh hoạt chi bộ", "kỷ luật đảng", "nhân sự cấp ủy",
               "đại hội đảng bộ các cấp", "quy hoạch cán bộ"],
        tasks=["kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên", "kết nạp đảng viên",
               "chuẩn bị đại hội đảng bộ các cấp", "kiểm tra, giám sát việc thực hiện nghị quyết",
               "rà soát, bổ sung quy hoạch cán bộ", "sinh hoạt chi bộ định kỳ"],
        sentences=[
            "Toàn Đảng bộ tỉnh hiện có {n} đảng bộ trực thuộc, {big} tổ chức cơ sở đảng với {big2} đảng viên.",
            "Kết quả đánh giá năm {prev_year}: có {pct} tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên.",
            "Ủy ban Kiểm tra các cấp đã thi hành kỷ luật {n2} đảng viên vi phạm, trong đó khiển trách {n} đồng chí.",
            "Chất lượng sinh hoạt chi bộ từng bước được nâng lên; nội dung sinh hoạt chuyên đề được quan tâm.",
            "Các cấp ủy cần tập trung lãnh đạo thực hiện Nghị quyết Trung ương 4 khóa XII gắn với Chỉ thị số 05-CT/TW của Bộ Chính trị.",
            "Công tác phát triển đảng viên trong doanh nghiệp ngoài nhà nước còn gặp nhiều khó khăn.",
            "Ban Tổ chức Tỉnh ủy hướng dẫn quy trình nhân sự đại hội đảng bộ các cấp nhiệm kỳ 2025 - 2030.",
            "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVI xác định ba khâu đột phá chiến lược.",
            "Đảng viên được cấp thẻ đảng trong {period} là {n2} đồng chí.",
        ],
        cites=["Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng khóa XII",
               "Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị về đại hội đảng bộ các cấp",
               "Quy định số 69-QĐ/TW ngày 06/7/2022 của Bộ Chính trị về kỷ luật tổ chức đảng, đảng viên vi phạm",
               "Hướng dẫn số 36-HD/VPTW ngày 03/4/2018 của Văn phòng Trung ương Đảng",
               "Công văn số 64-CV/TW ngày 10/4/2025 của Ban Chấp hành Trung ương",
               "Công văn số 14204-CV/VPTW của Văn phòng Trung ương Đảng",
               "Kết luận số 21-KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng khóa XIII"],
        keywords=["xây dựng Đảng", "đảng viên", "chi bộ", "kiểm tra", "giám sát"],
        subjects=["lãnh đạo đại hội đảng bộ các cấp", "kết quả công tác xây dựng Đảng {period}",
                  "kiểm điểm, đánh giá chất lượng tổ chức đảng và đảng viên năm {year}",
                  "tăng cường công tác kiểm tra, giám sát", "phát triển đảng viên trong doanh nghiệp"],
    ),
    Topic(
        "ngan_sach",
        objects=["công tác quản lý tài chính, ngân sách", "dự toán ngân sách nhà nước",
                 "việc giải ngân vốn đầu tư công", "thu, chi ngân sách nhà nước", "công tác quyết toán ngân sách"],
        terms=["dự toán", "vốn đầu tư công", "nguồn thu", "chi thường xuyên", "quyết toán",
               "kế hoạch vốn", "tiết kiệm chi", "khoản thu từ đất", "thuế, phí, lệ phí"],
        tasks=["giải ngân vốn đầu tư công", "lập dự toán ngân sách năm {next_year}", "quyết toán vốn dự án hoàn thành",
               "thực hiện tiết kiệm chi thường xuyên", "thu hồi vốn tạm ứng quá hạn"],
        sentences=[
            "Tổng thu ngân sách nhà nước trên địa bàn năm {year} ước đạt {money}, bằng {pct} dự toán.",
            "Đến ngày {date}, giải ngân vốn đầu tư công đạt {pct} kế hoạch vốn được giao.",
            "Phân bổ {money} cho các huyện để thực hiện chương trình mục tiêu quốc gia.",
            "Nguồn thu từ tiền sử dụng đất đạt thấp, ảnh hưởng đến việc bố trí vốn cho các công trình.",
            "Yêu cầu các chủ đầu tư đẩy nhanh tiến độ thi công, hoàn thiện hồ sơ thanh toán khối lượng hoàn thành.",
            "Chi ngân sách địa phương bảo đảm đúng dự toán, đáp ứng nhiệm vụ chính trị của địa phương.",
            "Số vốn chưa giải ngân là {money}, chủ yếu thuộc các dự án đang vướng mặt bằng.",
        ],
        cites=["Luật Ngân sách nhà nước số 83/2015/QH13", "Luật Đầu tư công số 58/2024/QH15",
               "Nghị định số 163/2016/NĐ-CP ngày 21/12/2016 của Chính phủ"],
        keywords=["ngân sách", "đầu tư công", "dự toán", "tài chính"],
        subjects=["giao dự toán ngân sách nhà nước năm {year}", "đẩy nhanh giải ngân vốn đầu tư công",
                  "tình hình thu, chi ngân sách {period}", "phân bổ kế hoạch vốn đầu tư công năm {year}"],
    ),
    Topic(
        "chuyen_doi_so",
        objects=["chuyển đổi số", "xây dựng chính quyền số", "phát triển chính quyền điện tử",
                 "ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước", "Đề án 06"],
        terms=["chữ ký số", "hệ thống quản lý văn bản và điều hành", "dịch vụ công trực tuyến",
               "cơ sở dữ liệu quốc gia về dân cư", "Cổng dịch vụ công", "an toàn thông tin mạng",
               "hạ tầng số", "nền tảng số", "thiết bị ký số", "văn bản điện tử", "dữ liệu số"],
        tasks=["sử dụng chữ ký số", "gửi, nhận văn bản điện tử", "kết nối, chia sẻ dữ liệu",
               "bảo đảm an toàn thông tin mạng", "triển khai Đề án 06"],
        sentences=[
            "Tỷ lệ văn bản đi được ký số và gửi trên môi trường mạng đạt {pct}.",
            "Đã cấp {big} chứng thư chữ ký số chuyên dùng cho các cơ quan và cán bộ, công chức.",
            "Hệ thống quản lý văn bản và điều hành đã kết nối liên thông bốn cấp chính quyền.",
            "Số hồ sơ được số hóa kết quả giải quyết thủ tục hành chính còn thấp, chưa đạt chỉ tiêu.",
            "Cơ sở dữ liệu quốc gia về dân cư được khai thác, sử dụng để giảm giấy tờ cho người dân.",
            "Các cơ quan phải bảo đảm an toàn thông tin theo cấp độ cho hệ thống thông tin của mình.",
            "Hạ tầng số của tỉnh từng bước được đầu tư, nâng cấp; {pct} thôn, bản đã có mạng cáp quang.",
        ],
        cites=["Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ phê duyệt Chương trình Chuyển đổi số quốc gia",
               "Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ",
               "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị",
               "Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư"],
        keywords=["chuyển đổi số", "chữ ký số", "chính quyền số", "dịch vụ công trực tuyến"],
        subjects=["đẩy mạnh chuyển đổi số năm {year}", "sử dụng chữ ký số trên văn bản điện tử",
                  "triển khai Đề án 06 trên địa bàn tỉnh", "kế hoạch phát triển chính quyền số"],
    ),
    Topic(
        "van_hoa",
        objects=["công tác văn hóa, thể thao và du lịch", "bảo tồn và phát huy giá trị di tích",
                 "phong trào Toàn dân đoàn kết xây dựng đời sống văn hóa", "tổ chức lễ hội truyền thống"],
        terms=["di tích lịch sử - văn hóa", "lễ hội", "gia đình văn hóa", "thiết chế văn hóa",
               "du khách", "nhà văn hóa thôn", "di sản văn hóa phi vật thể", "khu dân cư văn hóa"],
        tasks=["tu bổ, tôn tạo di tích", "xây dựng gia đình văn hóa", "tổ chức lễ hội an toàn, tiết kiệm",
               "phát triển du lịch cộng đồng", "bảo tồn di sản văn hóa"],
        sentences=[
            "Năm {year}, toàn tỉnh có {pct} hộ gia đình đạt danh hiệu Gia đình văn hóa.",
            "Lượng khách du lịch đến tỉnh ước đạt {big} lượt, tổng thu từ du lịch đạt {money}.",
            "Di tích đình làng tại {place} đã xuống cấp nghiêm trọng, cần được tu bổ kịp thời.",
            "Lễ hội được tổ chức trang trọng, an toàn, tiết kiệm, phù hợp với thuần phong mỹ tục.",
            "Công tác quản lý hoạt động văn hóa, kinh doanh dịch vụ văn hóa được tăng cường.",
            "Hiện đại hóa các thiết chế văn hóa, thể thao ở cơ sở còn chậm do thiếu kinh phí.",
        ],
        cites=["Luật Di sản văn hóa số 45/2024/QH15", "Nghị định số 110/2018/NĐ-CP ngày 29/8/2018 của Chính phủ quy định về quản lý và tổ chức lễ hội"],
        keywords=["văn hóa", "di tích", "lễ hội", "du lịch"],
        subjects=["tổ chức lễ hội truyền thống năm {year}", "xếp hạng di tích lịch sử - văn hóa cấp tỉnh",
                  "phát triển du lịch giai đoạn {year} - {year5}", "kết quả phong trào xây dựng đời sống văn hóa"],
    ),
    Topic(
        "y_te",
        objects=["công tác y tế và chăm sóc sức khỏe nhân dân", "phòng, chống dịch bệnh", "phòng, chống dịch COVID-19",
                 "bảo hiểm y tế toàn dân", "công tác tiêm chủng mở rộng"],
        terms=["ca mắc", "trạm y tế xã", "vắc xin", "bảo hiểm y tế", "sốt xuất huyết",
               "khu cách ly", "y tế cơ sở", "bệnh viện đa khoa tỉnh", "vật tư y tế"],
        tasks=["tiêm vắc xin phòng COVID-19", "giám sát dịch bệnh", "phát triển người tham gia bảo hiểm y tế",
               "nâng cao chất lượng khám, chữa bệnh", "mua sắm trang thiết bị, vật tư y tế"],
        sentences=[
            "Trong {period}, toàn tỉnh ghi nhận {n2} ca mắc sốt xuất huyết, giảm so với cùng kỳ.",
            "Tỷ lệ bao phủ bảo hiểm y tế đạt {pct} dân số.",
            "Đã tiêm {big} liều vắc xin phòng COVID-19 cho người từ 18 tuổi trở lên.",
            "Yêu cầu các địa phương không lơ là, chủ quan trước diễn biến phức tạp của dịch bệnh.",
            "Trạm y tế xã tại {place} thiếu bác sĩ, trang thiết bị y tế đã xuống cấp.",
            "Thực hiện nghiêm các biện pháp phòng, chống dịch theo hướng dẫn của Bộ Y tế.",
        ],
        cites=["Luật Khám bệnh, chữa bệnh số 15/2023/QH15", "Nghị quyết số 128/NQ-CP ngày 11/10/2021 của Chính phủ",
               "Luật Bảo hiểm y tế số 25/2008/QH12"],
        keywords=["y tế", "dịch bệnh", "COVID-19", "bảo hiểm y tế"],
        subjects=["tăng cường phòng, chống dịch COVID-19", "phòng, chống dịch sốt xuất huyết",
                  "kết quả thực hiện bảo hiểm y tế {period}", "kế hoạch tiêm chủng năm {year}"],
    ),
    Topic(
        "nong_thon_moi",
        objects=["Chương trình mục tiêu quốc gia xây dựng nông thôn mới", "sản xuất nông nghiệp",
                 "phát triển sản xuất nông nghiệp theo hướng hàng hóa", "phòng, chống dịch tả lợn châu Phi",
                 "chương trình Mỗi xã một sản phẩm (OCOP)"],
        terms=["xã đạt chuẩn nông thôn mới", "tiêu chí", "vụ Đông Xuân", "cây lúa", "sản phẩm OCOP",
               "đàn gia súc, gia cầm", "công trình thủy lợi", "kênh mương nội đồng", "giống cây trồng",
               "nông sản hàng hóa", "hợp tác xã"],
        tasks=["xây dựng xã đạt chuẩn nông thôn mới nâng cao", "chuyển đổi cơ cấu cây trồng",
               "kiên cố hóa kênh mương", "tiêu thụ nông sản cho nông dân", "tiêm phòng cho đàn vật nuôi"],
        sentences=[
            "Đến nay, toàn tỉnh có {n} xã đạt chuẩn nông thôn mới, {n2} xã đạt chuẩn nông thôn mới nâng cao.",
            "Vụ Đông Xuân năm {year}, toàn tỉnh gieo cấy được {area} lúa, năng suất bình quân đạt {n} tạ/ha.",
            "Bệnh dịch tả lợn châu Phi xảy ra tại {place}, buộc tiêu hủy {big} con lợn.",
            "Đã kiên cố hóa {n2} km kênh mương nội đồng, bảo đảm tưới tiêu chủ động.",
            "Tỉnh có {n} sản phẩm được công nhận đạt chuẩn OCOP từ 3 sao trở lên.",
            "Cơ giới hóa trong sản xuất nông nghiệp từng bước được đẩy mạnh, giảm chi phí cho nông dân.",
            "Thu nhập bình quân đầu người ở khu vực nông thôn đạt {n} triệu đồng/người/năm.",
        ],
        cites=["Quyết định số 263/QĐ-TTg ngày 22/02/2022 của Thủ tướng Chính phủ phê duyệt Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021 - 2025",
               "Luật Trồng trọt số 31/2018/QH14", "Luật Chăn nuôi số 32/2018/QH14"],
        keywords=["nông thôn mới", "nông nghiệp", "OCOP", "thủy lợi"],
        subjects=["xây dựng nông thôn mới năm {year}", "khung lịch thời vụ sản xuất vụ Đông Xuân",
                  "phòng, chống dịch tả lợn châu Phi", "công nhận xã đạt chuẩn nông thôn mới"],
    ),
    Topic(
        "moi_truong",
        objects=["công tác bảo vệ môi trường", "quản lý chất thải rắn sinh hoạt", "quản lý tài nguyên nước",
                 "phòng ngừa ô nhiễm môi trường", "quản lý hoạt động khoáng sản"],
        terms=["chất thải rắn", "nước thải", "hóa chất", "khí thải", "bãi chôn lấp", "điểm nóng ô nhiễm",
               "giấy phép môi trường", "quan trắc môi trường", "khai thác cát trái phép", "nguồn nước"],
        tasks=["thu gom, xử lý chất thải rắn sinh hoạt", "cấp giấy phép môi trường",
               "kiểm tra các cơ sở gây ô nhiễm môi trường", "xử lý khai thác khoáng sản trái phép",
               "quan trắc chất lượng nước mặt"],
        sentences=[
            "Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom, xử lý đạt {pct}.",
            "Qua kiểm tra, phát hiện {n} cơ sở xả nước thải chưa qua xử lý ra môi trường.",
            "Công ty đã sử dụng hóa chất không rõ nguồn gốc, gây ô nhiễm nguồn nước tại {place}.",
            "Xử phạt vi phạm hành chính trong lĩnh vực môi trường với tổng số tiền {money}.",
            "Bãi chôn lấp rác thải của {district} đã quá tải, gây bức xúc trong nhân dân.",
            "Kết quả quan trắc cho thấy một số chỉ tiêu vượt quy chuẩn kỹ thuật cho phép.",
        ],
        cites=["Luật Bảo vệ môi trường số 72/2020/QH14", "Nghị định số 08/2022/NĐ-CP ngày 10/01/2022 của Chính phủ",
               "Luật Tài nguyên nước số 28/2023/QH15", "Luật Khoáng sản số 60/2010/QH12"],
        keywords=["môi trường", "chất thải", "ô nhiễm", "khoáng sản"],
        subjects=["tăng cường quản lý chất thải rắn sinh hoạt", "xử lý cơ sở gây ô nhiễm môi trường nghiêm trọng",
                  "cấp giấy phép môi trường", "kiểm tra hoạt động khai thác khoáng sản"],
    ),
    Topic(
        "kinh_te",
        objects=["phát triển kinh tế - xã hội", "công nghiệp hóa, hiện đại hóa", "phát triển công nghiệp, thương mại",
                 "thu hút đầu tư", "cải thiện môi trường đầu tư kinh doanh"],
        terms=["tổng sản phẩm trên địa bàn (GRDP)", "kim ngạch xuất khẩu", "cụm công nghiệp", "doanh nghiệp",
               "dự án đầu tư", "hàng hóa", "tổng mức bán lẻ hàng hóa", "chỉ số sản xuất công nghiệp",
               "thị trường hàng hóa", "chợ nông thôn"],
        tasks=["thu hút các dự án đầu tư", "hỗ trợ doanh nghiệp", "bình ổn giá hàng hóa dịp Tết",
               "phát triển cụm công nghiệp", "quản lý thị trường, chống buôn lậu và gian lận thương mại"],
        sentences=[
            "Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP) năm {year} ước đạt {pct}.",
            "Kim ngạch xuất khẩu hàng hóa đạt {money}, tăng so với cùng kỳ năm {prev_year}.",
            "Toàn tỉnh có {big} doanh nghiệp đang hoạt động với tổng vốn đăng ký {money}.",
            "Đã cấp chủ trương đầu tư cho {n} dự án với tổng vốn đăng ký {money}.",
            "Bảo đảm cung ứng đủ hàng hóa thiết yếu, không để xảy ra tình trạng khan hiếm, tăng giá đột biến.",
            "Sự nghiệp công nghiệp hóa, hiện đại hóa nông nghiệp, nông thôn đạt được những kết quả quan trọng.",
        ],
        cites=["Luật Đầu tư số 61/2020/QH14", "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVI",
               "Nghị định số 32/2024/NĐ-CP ngày 15/3/2024 của Chính phủ về quản lý, phát triển cụm công nghiệp"],
        keywords=["kinh tế - xã hội", "đầu tư", "doanh nghiệp", "xuất khẩu"],
        subjects=["tình hình kinh tế - xã hội {period}", "thu hút đầu tư vào các khu, cụm công nghiệp",
                  "bảo đảm cung ứng hàng hóa dịp Tết Nguyên đán", "kế hoạch phát triển kinh tế - xã hội năm {next_year}"],
    ),
    Topic(
        "to_chuc_can_bo",
        objects=["công tác tổ chức bộ máy, biên chế", "công tác tổ chức cán bộ", "sắp xếp đơn vị hành chính cấp xã",
                 "tinh giản biên chế", "công tác thi đua, khen thưởng", "tuyển dụng công chức, viên chức"],
        terms=["biên chế công chức", "số lượng người làm việc", "vị trí việc làm", "cán bộ, công chức cấp xã",
               "danh hiệu thi đua", "Bằng khen của Chủ tịch UBND tỉnh", "kỳ thi tuyển công chức",
               "đơn vị hành chính", "đề án vị trí việc làm"],
        tasks=["tinh giản biên chế", "sắp xếp, kiện toàn tổ chức bộ máy", "tuyển dụng công chức",
               "đánh giá, xếp loại cán bộ, công chức", "khen thưởng các tập thể, cá nhân"],
        sentences=[
            "Giao {n} biên chế công chức trong các cơ quan hành chính năm {year}.",
            "Tặng Bằng khen của Chủ tịch UBND tỉnh cho {n} tập thể và {n2} cá nhân có thành tích xuất sắc.",
            "Bổ nhiệm ông {name} giữ chức Phó Giám đốc Sở, thời hạn giữ chức vụ là 05 năm.",
            "Đã tinh giản {n2} biên chế, đạt {pct} chỉ tiêu giai đoạn.",
            "Sau sắp xếp, tỉnh giảm {n} đơn vị hành chính cấp xã.",
            "Kỳ thi tuyển công chức năm {year} có {big} thí sinh dự thi, tuyển được {n2} người.",
            "Bà {name}, chuyên viên, được điều động đến công tác tại Văn phòng UBND tỉnh kể từ ngày {date}.",
        ],
        cites=["Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng khóa XII",
               "Luật Thi đua, khen thưởng số 06/2022/QH15", "Nghị định số 138/2020/NĐ-CP ngày 27/11/2020 của Chính phủ",
               "Nghị quyết số 1211/2016/UBTVQH13 của Ủy ban Thường vụ Quốc hội"],
        keywords=["tổ chức bộ máy", "biên chế", "thi đua khen thưởng", "cán bộ"],
        subjects=["giao biên chế công chức năm {year}", "tặng Bằng khen của Chủ tịch UBND tỉnh",
                  "bổ nhiệm cán bộ lãnh đạo", "sắp xếp đơn vị hành chính cấp xã", "kết quả tinh giản biên chế"],
    ),
    Topic(
        "an_sinh",
        objects=["công tác giảm nghèo bền vững", "chính sách đối với người có công", "công tác bảo trợ xã hội",
                 "giải quyết việc làm", "chăm lo Tết cho các hộ nghèo, gia đình chính sách"],
        terms=["hộ nghèo", "hộ cận nghèo", "người có công với cách mạng", "lao động", "đối tượng bảo trợ xã hội",
               "nhà tình nghĩa", "quà Tết", "trợ cấp xã hội", "người lao động đi làm việc ở nước ngoài"],
        tasks=["hỗ trợ hộ nghèo", "tặng quà cho người có công", "giải quyết việc làm cho lao động",
               "chi trả trợ cấp đúng đối tượng", "xây dựng nhà ở cho hộ nghèo"],
        sentences=[
            "Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều giảm còn {pct}.",
            "Đã giải quyết việc làm cho {big} lao động, trong đó {n2} người đi làm việc ở nước ngoài.",
            "Tặng {big} suất quà cho người có công và gia đình chính sách nhân dịp Tết Nguyên đán, tổng giá trị {money}.",
            "Hỗ trợ xây dựng {n2} nhà ở cho hộ nghèo tại {district}.",
            "Không để hộ dân nào thiếu đói, bảo đảm mọi người dân đều được đón Tết.",
        ],
        cites=["Pháp lệnh Ưu đãi người có công với cách mạng số 02/2020/UBTVQH14",
               "Nghị định số 20/2021/NĐ-CP ngày 15/3/2021 của Chính phủ"],
        keywords=["giảm nghèo", "người có công", "an sinh xã hội", "việc làm"],
        subjects=["tặng quà Tết cho người có công", "kết quả rà soát hộ nghèo, hộ cận nghèo năm {year}",
                  "hỗ trợ nhà ở cho hộ nghèo", "chi trả trợ cấp xã hội"],
    ),
    Topic(
        "thanh_tra",
        objects=["công tác tiếp công dân, giải quyết khiếu nại, tố cáo", "công tác phòng, chống tham nhũng, tiêu cực",
                 "công tác thanh tra", "thực hành tiết kiệm, chống lãng phí"],
        terms=["đơn khiếu nại", "đơn tố cáo", "kết luận thanh tra", "lượt công dân", "vụ việc phức tạp",
               "kê khai tài sản, thu nhập", "sai phạm về kinh tế", "đoàn đông người"],
        tasks=["giải quyết dứt điểm các vụ việc khiếu nại", "kiểm tra việc kê khai tài sản, thu nhập",
               "thực hiện kết luận thanh tra", "tiếp công dân định kỳ"],
        sentences=[
            "Trong {period}, các cơ quan hành chính đã tiếp {big} lượt công dân, tiếp nhận {n2} đơn thư.",
            "Qua thanh tra, phát hiện sai phạm về kinh tế {money}, kiến nghị thu hồi về ngân sách nhà nước.",
            "Chủ tịch UBND tỉnh tiếp công dân định kỳ vào ngày 15 hằng tháng.",
            "Vụ việc khiếu nại của ông {name} tại {place} đã được giải quyết dứt điểm.",
            "Kiến nghị xử lý trách nhiệm đối với {n} tập thể và {n2} cá nhân có sai phạm.",
        ],
        cites=["Luật Khiếu nại số 02/2011/QH13", "Luật Tố cáo số 25/2018/QH14",
               "Luật Phòng, chống tham nhũng số 36/2018/QH14", "Luật Tiếp công dân số 42/2013/QH13"],
        keywords=["thanh tra", "khiếu nại", "tố cáo", "phòng chống tham nhũng"],
        subjects=["kết luận thanh tra việc quản lý, sử dụng ngân sách", "giải quyết đơn khiếu nại của công dân",
                  "kết quả công tác phòng, chống tham nhũng năm {year}", "lịch tiếp công dân {period}"],
    ),
    Topic(
        "giao_duc",
        objects=["công tác giáo dục và đào tạo", "kỳ thi tốt nghiệp trung học phổ thông", "năm học {year} - {next_year}",
                 "phổ cập giáo dục", "xây dựng trường đạt chuẩn quốc gia"],
        terms=["học sinh", "giáo viên", "trường học", "năm học", "trường đạt chuẩn quốc gia",
               "kỳ thi tốt nghiệp", "sách giáo khoa", "phòng học", "điểm trường lẻ"],
        tasks=["tổ chức kỳ thi tốt nghiệp trung học phổ thông an toàn, nghiêm túc", "tuyển dụng giáo viên",
               "sắp xếp các điểm trường lẻ", "xây dựng trường đạt chuẩn quốc gia", "vận động học sinh ra lớp"],
        sentences=[
            "Năm học {year} - {next_year}, toàn tỉnh có {big} học sinh, {big2} giáo viên.",
            "Tỷ lệ học sinh tốt nghiệp trung học phổ thông đạt {pct}.",
            "Tỉnh còn thiếu {n2} giáo viên, nhất là giáo viên tiếng Anh và tin học.",
            "Có {n} trường được công nhận đạt chuẩn quốc gia trong năm học.",
            "Nhiều phòng học tại {place} đã xuống cấp, không bảo đảm an toàn cho học sinh.",
        ],
        cites=["Luật Giáo dục số 43/2019/QH14", "Nghị quyết số 29-NQ/TW ngày 04/11/2013 của Ban Chấp hành Trung ương"],
        keywords=["giáo dục", "học sinh", "năm học", "trường học"],
        subjects=["tổ chức kỳ thi tốt nghiệp trung học phổ thông năm {year}", "kế hoạch thời gian năm học",
                  "xây dựng trường đạt chuẩn quốc gia", "bổ sung biên chế giáo viên"],
    ),
    Topic(
        "an_ninh",
        objects=["công tác bảo đảm an ninh, trật tự", "công tác quốc phòng, quân sự địa phương",
                 "bảo đảm trật tự, an toàn giao thông", "công tác tuyển chọn và gọi công dân nhập ngũ",
                 "phòng cháy, chữa cháy"],
        terms=["tai nạn giao thông", "công dân nhập ngũ", "dân quân tự vệ", "tội phạm", "ma túy",
               "vụ cháy", "diễn tập khu vực phòng thủ", "an ninh trật tự ở cơ sở"],
        tasks=["kiềm chế tai nạn giao thông", "giao quân đạt 100% chỉ tiêu", "tấn công, trấn áp tội phạm",
               "kiểm tra an toàn phòng cháy, chữa cháy", "tổ chức diễn tập khu vực phòng thủ"],
        sentences=[
            "Trong {period}, trên địa bàn tỉnh xảy ra {n2} vụ tai nạn giao thông, làm chết {n} người.",
            "Năm {year}, toàn tỉnh giao {big} công dân nhập ngũ, đạt 100% chỉ tiêu.",
            "Lực lượng Công an đã triệt phá {n} đường dây mua bán trái phép chất ma túy.",
            "Tình hình an ninh chính trị, trật tự an toàn xã hội cơ bản ổn định.",
            "Tổ chức thành công diễn tập khu vực phòng thủ {district} năm {year}.",
        ],
        cites=["Luật Nghĩa vụ quân sự số 78/2015/QH13", "Luật Trật tự, an toàn giao thông đường bộ số 36/2024/QH15",
               "Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ số 55/2024/QH15"],
        keywords=["an ninh trật tự", "quốc phòng", "an toàn giao thông", "tuyển quân"],
        subjects=["bảo đảm an ninh, trật tự dịp Tết", "giao chỉ tiêu tuyển quân năm {year}",
                  "kết quả bảo đảm trật tự, an toàn giao thông {period}", "diễn tập khu vực phòng thủ"],
    ),
    Topic(
        "giao_thong_xay_dung",
        objects=["đầu tư xây dựng kết cấu hạ tầng giao thông", "quản lý trật tự xây dựng", "quy hoạch xây dựng",
                 "dự án nâng cấp, mở rộng đường tỉnh", "phát triển đô thị"],
        terms=["đường tỉnh", "cầu", "nhà thầu", "tổng mức đầu tư", "hồ sơ thiết kế", "giấy phép xây dựng",
               "công trình", "đồ án quy hoạch", "khu đô thị mới", "hạ tầng kỹ thuật"],
        tasks=["đẩy nhanh tiến độ thi công công trình", "cấp giấy phép xây dựng", "nghiệm thu, bàn giao công trình",
               "lập quy hoạch chi tiết", "xử lý công trình xây dựng không phép"],
        sentences=[
            "Dự án nâng cấp, mở rộng đường tỉnh {n} có tổng mức đầu tư {money}.",
            "Nhà thầu thi công chậm tiến độ, khối lượng hoàn thành mới đạt {pct}.",
            "Phê duyệt đồ án quy hoạch chi tiết tỷ lệ 1/500 khu dân cư tại {place}, diện tích {area}.",
            "Phát hiện {n2} công trình xây dựng không phép, sai phép trên địa bàn {district}.",
            "Công trình được nghiệm thu, đưa vào sử dụng từ ngày {date}.",
        ],
        cites=["Luật Xây dựng số 50/2014/QH13", "Luật Quy hoạch đô thị và nông thôn số 47/2024/QH15",
               "Nghị định số 175/2024/NĐ-CP ngày 30/12/2024 của Chính phủ"],
        keywords=["xây dựng", "giao thông", "quy hoạch", "hạ tầng"],
        subjects=["phê duyệt dự án nâng cấp đường tỉnh", "chấn chỉnh trật tự xây dựng đô thị",
                  "phê duyệt quy hoạch chi tiết khu dân cư", "đẩy nhanh tiến độ các công trình trọng điểm"],
    ),
    Topic(
        "dan_toc_ton_giao",
        objects=["công tác dân tộc, tôn giáo", "chính sách dân tộc", "công tác dân vận",
                 "Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi",
                 "công tác dân số và phát triển"],
        terms=["đồng bào dân tộc thiểu số", "người có uy tín", "cơ sở tôn giáo", "chức sắc, chức việc",
               "tín đồ", "quy chế dân chủ ở cơ sở", "dân số", "mức sinh thay thế"],
        tasks=["thực hiện chính sách đối với người có uy tín", "quản lý hoạt động tôn giáo",
               "thực hiện quy chế dân chủ ở cơ sở", "nâng cao chất lượng dân số"],
        sentences=[
            "Đồng bào dân tộc thiểu số chiếm {pct} dân số toàn tỉnh, sinh sống chủ yếu ở các huyện miền núi.",
            "Thăm, tặng quà {n2} người có uy tín trong đồng bào dân tộc thiểu số nhân dịp Tết.",
            "Các tôn giáo hoạt động đúng pháp luật, đồng hành cùng dân tộc.",
            "Quy mô dân số của tỉnh đạt {big} người; tỷ số giới tính khi sinh còn cao.",
            "Công tác dân vận chính quyền được quan tâm; quy chế dân chủ ở cơ sở được thực hiện nghiêm túc.",
        ],
        cites=["Luật Tín ngưỡng, tôn giáo số 02/2016/QH14", "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15",
               "Quyết định số 1719/QĐ-TTg ngày 14/10/2021 của Thủ tướng Chính phủ"],
        keywords=["dân tộc", "tôn giáo", "dân vận", "dân số"],
        subjects=["thăm, tặng quà người có uy tín", "tình hình hoạt động tôn giáo {period}",
                  "thực hiện chính sách dân tộc", "công tác dân số và phát triển năm {year}"],
    ),
]

# --------------------------------------------------------------------------- document types

# (type, party abbreviation, state abbreviation or None for công văn, weight)
DOC_TYPES = [
    ("Công văn", "CV", None, 34),
    ("Báo cáo", "BC", "BC", 16),
    ("Quyết định", "QĐ", "QĐ", 14),
    ("Kế hoạch", "KH", "KH", 10),
    ("Thông báo", "TB", "TB", 7),
    ("Tờ trình", "TTr", "TTr", 5),
    ("Nghị quyết", "NQ", "NQ", 3),
    ("Chỉ thị", "CT", "CT", 3),
    ("Hướng dẫn", "HD", "HD", 3),
    ("Chương trình", "CTr", "CTr", 2),
    ("Biên bản", "BB", "BB", 2),
    ("Kết luận", "KL", "KL", 1),
]

# Old-style tone placement (Decree 30 itself mixes both): new form → old form.
OLD_STYLE = {
    "hóa": "hoá", "Hóa": "Hoá", "hòa": "hoà", "Hòa": "Hoà", "HÓA": "HOÁ", "HÒA": "HOÀ",
    "ủy": "uỷ", "Ủy": "Uỷ", "ỦY": "UỶ", "thủy": "thuỷ", "Thủy": "Thuỷ", "thúy": "thuý", "Thúy": "Thuý",
    "khỏe": "khoẻ", "tùy": "tuỳ", "lũy": "luỹ", "hủy": "huỷ", "thỏa": "thoả",
    "họa": "hoạ", "xóa": "xoá", "khóa": "khoá", "tòa": "toà",
}
