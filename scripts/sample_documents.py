"""Texts and inventory rows of the sample catalog written by ``make_sample.py``.

Everything here is FICTIONAL: the province of Sơn Hà, its offices, people and local
documents. Real national documents (Official Dispatch 64-CV/TW of 10/4/2025, Decree
30/2020/NĐ-CP, Circular 05/2025/TT-BNV, Guidance 36-HD/VPTW) are cited in the text;
where the sample holds a "copy" of one, the text is an invented summary written for
this sample, not the real document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pdfgen import official_document

SECRET_MARKER = "BIMAT-SECRET-MARKER"


@dataclass
class ArchivalFile:
    file_code: str
    title: str
    fonds_code: str
    fonds_name: str
    inventory: str
    box: str
    file_number: str
    start: str
    end: str
    sheets: str
    retention: str = "01"
    access: str = "01"
    language: str = "Tiếng Việt"
    condition: str = "01"
    keywords: str = ""
    notes: str = ""
    whole_pdf: bool = False  # delivered as one PDF data/<Mã hồ sơ>.pdf


@dataclass
class Doc:
    doc_id: str
    file_code: str
    ordinal: int
    number: str
    date: str  # dd/mm/yyyy
    doc_type: str
    issuer: str
    summary: str
    signer: str
    pages: list[str]
    access: str = "01"
    secrecy: str = ""
    reliability: str = "02"
    language: str = "Tiếng Việt"
    notes: str = ""
    entered_by: str = ""
    autograph: str = ""
    kind: str = "text"  # text | scan | legacy
    file: str = ""  # "Tệp tin": a path overriding the naming convention
    seed: int = 0  # scan noise
    whole_file: bool = False  # the PDF is the archival file's single whole-file PDF

    @property
    def declared_pages(self) -> int | str:
        return "" if self.whole_file else len(self.pages)


def place_date(date: str, place: str = "Sơn Hà") -> str:
    """``"18/04/2025"`` → ``"Sơn Hà, ngày 18 tháng 4 năm 2025"`` (Decree 30: a zero
    before days under 10 and before months 1 and 2)."""
    day, month, year = (int(p) for p in date.split("/"))
    d = f"{day:02d}"
    m = f"{month:02d}" if month < 3 else str(month)
    return f"{place}, ngày {d} tháng {m} năm {year}"


_SECTION = re.compile(r"^([IVXLC]+|\d+)\.\s")


def _is_caps(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 2 and all(not c.islower() for c in letters)


def _blocks(body):
    """Body paragraphs with each upper-case line that is not a numbered heading
    ("QUYẾT ĐỊNH:", "ỦY BAN NHÂN DÂN TỈNH SƠN HÀ") set apart by blank lines, so pdfgen
    centres it in bold instead of taking the whole body for a title block. An element
    may hold several lines ("QUY ĐỊNH\nVề ..."): they form one centred block."""
    out: list[str] = []
    for i, para in enumerate(body):
        first = para.split("\n", 1)[0]
        if para != "\f" and _is_caps(first) and not _SECTION.match(first):
            if out and out[-1] not in ("", "\f"):
                out.append("")
            out.append(para)
            if i + 1 < len(body) and body[i + 1] != "\f":
                out.append("")
        else:
            out.append(para)
    return out


def party(issuer, number, date, body, *, title=(), subject=None, signer=(), recipients=(),
          place="Sơn Hà", addressee=None):
    return official_document(system="party", issuer=issuer, number=f"Số {number}",
                             place_date=place_date(date, place), title=title, subject=subject,
                             body=_blocks(body), signer=signer, recipients=recipients,
                             addressee=addressee)


def state(issuer, number, date, body, *, title=(), subject=None, signer=(), recipients=(),
          place="Sơn Hà", addressee=None, national="CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"):
    return official_document(system="state", issuer=issuer, number=f"Số: {number}",
                             place_date=place_date(date, place), title=title, subject=subject,
                             body=_blocks(body), signer=signer, recipients=recipients,
                             addressee=addressee, national=national)


# =========================================================================== catalog

CATALOG_TOML = """\
title = "Kho lưu trữ số — Văn phòng Tỉnh ủy Sơn Hà"
title_en = "Digital archive — Son Ha Provincial Party Committee Office"
organization = "Văn phòng Tỉnh ủy Sơn Hà"
languages = ["vi", "en"]
default_access = "restricted"
new_items = 10

[editions.public]
tiers = ["public"]

[editions.restricted]
tiers = ["public", "restricted"]

# For a USB stick: public records plain, restricted ones encrypted (AES-256-GCM) under a
# passphrase given at build time in CATALOG_PASSPHRASE_RESTRICTED, never in this folder.
[editions.bundle]
tiers = ["public"]
sealed = ["restricted"]
"""

# =========================================================================== package 1

TU = ["ĐẢNG BỘ TỈNH SƠN HÀ", "TỈNH ỦY"]
VPTU = ["TỈNH ỦY SƠN HÀ", "VĂN PHÒNG"]
TU_FONDS = ("TU.SH", "Phông Tỉnh ủy Sơn Hà")

VPTU_PACKAGE = {
    "id": "VPTU-2025-01",
    "title": "Hồ sơ số hóa tài liệu lưu trữ trước sắp xếp đơn vị hành chính, năm 2025",
    "fonds_code": TU_FONDS[0],
    "fonds_name": TU_FONDS[1],
    "agency": "Văn phòng Tỉnh ủy Sơn Hà",
    "handover_date": "20/06/2025",
    "handed_over_by": "Phòng Hành chính - Lưu trữ, Văn phòng Tỉnh ủy",
    "received_by": "Kho Lưu trữ Tỉnh ủy Sơn Hà",
    "description": ("Đợt giao nộp thứ nhất năm 2025: ba hồ sơ về số hóa tài liệu lưu trữ, "
                    "lưu trữ tài liệu khi sắp xếp đơn vị hành chính và công tác văn thư, "
                    "lưu trữ của các cơ quan đảng tỉnh."),
}

VPTU_FILES = [
    ArchivalFile(
        "VPTU.2025.01",
        "Hồ sơ triển khai số hóa tài liệu lưu trữ của Đảng bộ tỉnh trước khi sắp xếp đơn vị hành chính, năm 2025",
        *TU_FONDS, "2025", "01", "01", "10/04/2025", "30/05/2025", "14",
        keywords="số hóa; tài liệu lưu trữ; sắp xếp đơn vị hành chính; 64-CV/TW"),
    ArchivalFile(
        "VPTU.2025.02",
        "Hồ sơ về bàn giao, giao nộp tài liệu lưu trữ của các cơ quan đảng khi sắp xếp, hợp nhất đơn vị hành chính cấp tỉnh, cấp xã, năm 2025",
        *TU_FONDS, "2025", "01", "02", "05/05/2025", "06/06/2025", "11",
        keywords="tài liệu lưu trữ; sắp xếp đơn vị hành chính; giao nộp; bàn giao",
        notes="Có văn bản sử dụng có điều kiện (số 96-BC/TU)."),
    ArchivalFile(
        "VPTU.2025.03",
        "Hồ sơ hội nghị tổng kết công tác văn thư, lưu trữ các cơ quan đảng tỉnh năm 2024",
        *TU_FONDS, "2025", "02", "03", "08/01/2025", "24/02/2025", "8",
        retention="02", condition="02",
        keywords="văn thư; lưu trữ; tổng kết; hội nghị",
        notes="Một số trang bản giấy bị ố vàng, chữ mờ."),
]

_PHO_BI_THU = ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "(Đã ký)", "Hoàng Minh Tuấn"]
_CHANH_VP = ["CHÁNH VĂN PHÒNG", "(Đã ký)", "Lê Thị Thanh Hương"]
_PHO_CHANH_VP = ["K/T CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "(Đã ký)", "Trần Quốc Bảo"]


def vptu_documents() -> list[Doc]:
    docs: list[Doc] = []
    add = docs.append
    f1, f2, f3 = "VPTU.2025.01", "VPTU.2025.02", "VPTU.2025.03"

    # ------------------------------------------------------------------ VPTU.2025.01
    add(Doc(
        "VPTU.2025.01.01", f1, 1, "64-CV/TW", "10/04/2025", "Công văn", "Ban Chấp hành Trung ương",
        "Về việc số hóa, quản lý tài liệu lưu trữ trước khi sắp xếp, hợp nhất đơn vị hành chính (bản sao)",
        "T/L Ban Bí thư, Chánh Văn phòng Trung ương Đảng",
        party(["BAN CHẤP HÀNH TRUNG ƯƠNG"], "64-CV/TW", "10/04/2025", place="Hà Nội",
              subject="V/v số hóa, quản lý tài liệu lưu trữ trước khi sắp xếp đơn vị hành chính",
              addressee="Kính gửi: Các tỉnh ủy, thành ủy trực thuộc Trung ương",
              body=[
                  "Thực hiện chủ trương sắp xếp, hợp nhất đơn vị hành chính các cấp, Ban Bí thư yêu cầu các cấp ủy, tổ chức đảng khẩn trương chỉnh lý, số hóa tài liệu lưu trữ đang bảo quản tại cơ quan, bảo đảm không để thất lạc, hư hỏng hồ sơ, tài liệu khi giải thể, hợp nhất cơ quan, đơn vị.",
                  "1. Các cấp ủy chỉ đạo rà soát, thống kê toàn bộ tài liệu lưu trữ hình thành trong quá trình hoạt động; xác định tài liệu có giá trị bảo quản vĩnh viễn để ưu tiên số hóa trước, nhất là hồ sơ đại hội, hồ sơ hội nghị cấp ủy và hồ sơ cán bộ.",
                  "2. Việc số hóa thực hiện theo hướng dẫn của Văn phòng Trung ương Đảng, bảo đảm bản số có đầy đủ dữ liệu đặc tả, được kiểm tra chất lượng trước khi đưa vào cơ sở dữ liệu tài liệu lưu trữ của Đảng.",
                  "3. Tài liệu có nội dung thuộc bí mật của Đảng và Nhà nước được quản lý riêng, không đưa lên hệ thống, thiết bị có kết nối mạng.",
                  "4. Không tiêu hủy tài liệu trong thời gian sắp xếp tổ chức bộ máy; tài liệu của cơ quan giải thể, hợp nhất được giao nộp đầy đủ vào lưu trữ của cơ quan tiếp nhận chức năng, nhiệm vụ.",
                  "Đề nghị các tỉnh ủy, thành ủy chỉ đạo thực hiện nghiêm túc và báo cáo kết quả về Văn phòng Trung ương Đảng.",
              ],
              signer=["T/L BAN BÍ THƯ", "CHÁNH VĂN PHÒNG", "(Đã ký)"],
              recipients=["Nơi nhận:", "- Như trên,", "- Lưu Văn phòng Trung ương."]),
        reliability="Bản sao",
        notes="Bản sao lục của Văn phòng Tỉnh ủy; nội dung trong mẫu là tóm tắt minh họa.",
        entered_by="Nguyễn Thị Mai"))

    add(Doc(
        "VPTU.2025.01.02", f1, 2, "36-HD/VPTW", "14/04/2025", "Hướng dẫn", "Văn phòng Trung ương Đảng",
        "Hướng dẫn số hóa tài liệu lưu trữ và xây dựng cơ sở dữ liệu tài liệu lưu trữ của các cơ quan đảng (bản sao)",
        "Phó Chánh Văn phòng Trung ương Đảng",
        party(["BAN CHẤP HÀNH TRUNG ƯƠNG", "VĂN PHÒNG"], "36-HD/VPTW", "14/04/2025", place="Hà Nội",
              title=["HƯỚNG DẪN", "số hóa tài liệu lưu trữ và xây dựng cơ sở dữ liệu tài liệu lưu trữ của các cơ quan đảng"],
              body=[
                  "Để thống nhất việc lưu trữ tài liệu của các cơ quan đảng trong quá trình sắp xếp tổ chức bộ máy, Văn phòng Trung ương Đảng hướng dẫn một số nội dung về số hóa tài liệu lưu trữ như sau:",
                  "I. PHẠM VI VÀ ĐỐI TƯỢNG",
                  "Hướng dẫn này áp dụng đối với tài liệu giấy thuộc Phông lưu trữ Đảng Cộng sản Việt Nam đang bảo quản tại lưu trữ cơ quan và lưu trữ lịch sử của các tỉnh ủy, thành ủy.",
                  "II. YÊU CẦU ĐỐI VỚI BẢN SỐ",
                  "1. Tài liệu được quét ở chế độ màu hoặc đa mức xám, độ phân giải tối thiểu 200 dpi; mỗi văn bản là một tệp PDF, đặt tên theo mã hồ sơ và số thứ tự văn bản trong hồ sơ.",
                  "2. Mỗi bản số có dữ liệu đặc tả gồm: mã hồ sơ, số và ký hiệu văn bản, ngày tháng năm, tên loại, trích yếu nội dung, người ký, số lượng trang, chế độ sử dụng.",
                  "3. Bản số phải được đối chiếu với bản gốc, bảo đảm đủ trang, đúng thứ tự, hình ảnh rõ nét.",
                  "\f",
                  "III. QUY TRÌNH SỐ HÓA",
                  "Bước 1: Lựa chọn hồ sơ, tài liệu; lập danh mục tài liệu đưa ra số hóa. Bước 2: Bàn giao tài liệu cho bộ phận số hóa, có biên bản giao nhận. Bước 3: Làm phẳng, tháo ghim, quét tài liệu. Bước 4: Nhập dữ liệu đặc tả, kiểm tra chất lượng. Bước 5: Đóng gói dữ liệu, bàn giao bản số và trả tài liệu giấy về kho.",
                  "IV. BẢO QUẢN VÀ SỬ DỤNG",
                  "Bản số và tài liệu giấy đều phải được lưu trữ an toàn. Cơ sở dữ liệu tài liệu lưu trữ được sao lưu định kỳ, tối thiểu hai bản đặt ở hai địa điểm khác nhau. Tài liệu có độ mật không được số hóa trên thiết bị kết nối mạng.",
                  "Trong quá trình thực hiện, nếu có vướng mắc đề nghị phản ánh về Văn phòng Trung ương Đảng (Cục Lưu trữ) để được hướng dẫn.",
              ],
              signer=["K/T CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "(Đã ký)"],
              recipients=["Nơi nhận:", "- Các tỉnh ủy, thành ủy,", "- Lưu Văn phòng Trung ương Đảng."]),
        reliability="Bản sao",
        notes="Bản sao; nội dung trong mẫu là tóm tắt minh họa, không phải toàn văn.",
        entered_by="Nguyễn Thị Mai"))

    add(Doc(
        "VPTU.2025.01.03", f1, 3, "12-CV/TU", "18/04/2025", "Công văn", "Tỉnh ủy Sơn Hà",
        "Về việc triển khai thực hiện Công văn số 64-CV/TW của Ban Bí thư về số hóa tài liệu lưu trữ",
        "Hoàng Minh Tuấn",
        party(TU, "12-CV/TU", "18/04/2025",
              subject="V/v triển khai Công văn số 64-CV/TW của Ban Bí thư",
              addressee="Kính gửi: Các huyện ủy, thị ủy, thành ủy và đảng ủy trực thuộc Tỉnh ủy",
              body=[
                  "Thực hiện Công văn số 64-CV/TW ngày 10/4/2025 của Ban Bí thư về số hóa, quản lý tài liệu lưu trữ trước khi sắp xếp đơn vị hành chính, Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy trực thuộc thực hiện tốt một số nội dung sau:",
                  "1. Chỉ đạo văn phòng cấp ủy rà soát toàn bộ hồ sơ, tài liệu đang bảo quản; hoàn thành thống kê trước ngày 30/4/2025, báo cáo về Văn phòng Tỉnh ủy.",
                  "2. Tổ chức số hóa tài liệu lưu trữ theo Hướng dẫn số 36-HD/VPTW của Văn phòng Trung ương Đảng; ưu tiên hồ sơ đại hội đảng bộ, hồ sơ hội nghị ban chấp hành, hồ sơ công tác tổ chức cán bộ.",
                  "3. Tuyệt đối không để thất lạc tài liệu khi sắp xếp, hợp nhất; không tự ý tiêu hủy tài liệu; tài liệu mật được bảo quản riêng và không số hóa trên máy tính có kết nối Internet.",
                  "4. Giao Văn phòng Tỉnh ủy hướng dẫn nghiệp vụ, kiểm tra, đôn đốc và tổng hợp kết quả, báo cáo Ban Thường vụ Tỉnh ủy trước ngày 31/5/2025.",
                  "Đây là nhiệm vụ chính trị quan trọng, đề nghị các đồng chí bí thư cấp ủy trực tiếp chỉ đạo và chịu trách nhiệm trước Ban Thường vụ Tỉnh ủy về kết quả thực hiện.",
              ],
              signer=_PHO_BI_THU,
              recipients=["Nơi nhận:", "- Văn phòng Trung ương Đảng (b/c),", "- Như trên,", "- Lưu Văn phòng Tỉnh ủy."]),
        entered_by="Nguyễn Thị Mai"))

    add(Doc(
        "VPTU.2025.01.04", f1, 4, "367-QĐ/TU", "22/04/2025", "Quyết định", "Tỉnh ủy Sơn Hà",
        "Về việc thành lập Tổ công tác số hóa tài liệu lưu trữ của Tỉnh ủy",
        "Hoàng Minh Tuấn",
        party(TU, "367-QĐ/TU", "22/04/2025",
              title=["QUYẾT ĐỊNH", "về việc thành lập Tổ công tác số hóa tài liệu lưu trữ của Tỉnh ủy"],
              body=[
                  "- Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XVII;",
                  "- Căn cứ Công văn số 64-CV/TW ngày 10/4/2025 của Ban Bí thư;",
                  "- Xét đề nghị của Văn phòng Tỉnh ủy,",
                  "BAN THƯỜNG VỤ TỈNH ỦY QUYẾT ĐỊNH",
                  "Điều 1. Thành lập Tổ công tác số hóa tài liệu lưu trữ của Tỉnh ủy gồm 07 đồng chí do đồng chí Lê Thị Thanh Hương, Chánh Văn phòng Tỉnh ủy làm tổ trưởng; đồng chí Trần Quốc Bảo, Phó Chánh Văn phòng làm tổ phó.",
                  "Điều 2. Tổ công tác có nhiệm vụ xây dựng kế hoạch, tổ chức số hóa tài liệu lưu trữ của các cơ quan đảng tỉnh; kiểm tra chất lượng bản số; đề xuất biện pháp bảo quản an toàn tài liệu khi sắp xếp đơn vị hành chính. Tổ công tác tự giải thể sau khi hoàn thành nhiệm vụ.",
                  "Điều 3. Văn phòng Tỉnh ủy, các cơ quan liên quan và các đồng chí có tên tại Điều 1 thi hành quyết định này.",
              ],
              signer=_PHO_BI_THU,
              recipients=["Nơi nhận:", "- Như Điều 3,", "- Thường trực Tỉnh ủy,", "- Lưu Văn phòng Tỉnh ủy."]),
        entered_by="Nguyễn Thị Mai"))

    add(Doc(
        "VPTU.2025.01.05", f1, 5, "45-KH/TU", "25/04/2025", "Kế hoạch", "Tỉnh ủy Sơn Hà",
        "Kế hoạch số hóa tài liệu lưu trữ của Đảng bộ tỉnh năm 2025",
        "Hoàng Minh Tuấn",
        party(TU, "45-KH/TU", "25/04/2025",
              title=["KẾ HOẠCH", "số hóa tài liệu lưu trữ của Đảng bộ tỉnh năm 2025"],
              body=[
                  "Thực hiện Công văn số 64-CV/TW ngày 10/4/2025 của Ban Bí thư và Hướng dẫn số 36-HD/VPTW của Văn phòng Trung ương Đảng, Ban Thường vụ Tỉnh ủy ban hành kế hoạch số hóa tài liệu lưu trữ năm 2025 như sau:",
                  "I. MỤC ĐÍCH, YÊU CẦU",
                  "1. Bảo vệ an toàn tài liệu lưu trữ của Đảng bộ tỉnh trước, trong và sau khi sắp xếp đơn vị hành chính; tạo lập cơ sở dữ liệu phục vụ tra cứu nhanh, chính xác.",
                  "2. Số hóa đúng quy trình, bảo đảm chất lượng; mỗi văn bản có đầy đủ dữ liệu đặc tả; bản số được kiểm tra, nghiệm thu trước khi đưa vào sử dụng.",
                  "II. NỘI DUNG",
                  "1. Đợt 1 (tháng 4 - 5/2025): số hóa hồ sơ đại hội Đảng bộ tỉnh các nhiệm kỳ, hồ sơ hội nghị Ban Chấp hành Đảng bộ tỉnh, khoảng 42.000 trang.",
                  "\f",
                  "2. Đợt 2 (tháng 6 - 9/2025): số hóa tài liệu của các huyện ủy, thị ủy giải thể khi sắp xếp, khoảng 65.000 trang, ưu tiên tài liệu bảo quản vĩnh viễn.",
                  "3. Xây dựng danh mục tài liệu hạn chế sử dụng và tài liệu mật; tài liệu mật không số hóa trên thiết bị kết nối mạng.",
                  "III. TỔ CHỨC THỰC HIỆN",
                  "1. Văn phòng Tỉnh ủy chủ trì, phối hợp với Sở Nội vụ và Trung tâm Lưu trữ lịch sử tỉnh tổ chức thực hiện; bố trí máy quét, phòng làm việc riêng biệt bảo đảm an toàn.",
                  "2. Các huyện ủy, thị ủy chuẩn bị tài liệu, cử cán bộ phối hợp; không để gián đoạn công tác văn thư, lưu trữ trong thời gian sắp xếp.",
                  "3. Kinh phí thực hiện từ nguồn ngân sách của Văn phòng Tỉnh ủy năm 2025.",
                  "Kết quả thực hiện báo cáo Thường trực Tỉnh ủy hằng tháng.",
              ],
              signer=_PHO_BI_THU,
              recipients=["Nơi nhận:", "- Văn phòng Trung ương Đảng (b/c),", "- Các huyện ủy, thị ủy,", "- Lưu Văn phòng Tỉnh ủy."]),
        entered_by="Nguyễn Thị Mai"))

    add(Doc(
        "VPTU.2025.01.06", f1, 6, "102-BC/VPTU", "30/05/2025", "Báo cáo", "Văn phòng Tỉnh ủy Sơn Hà",
        "Báo cáo kết quả số hóa tài liệu lưu trữ đợt 1 năm 2025",
        "Lê Thị Thanh Hương",
        party(VPTU, "102-BC/VPTU", "30/05/2025",
              title=["BÁO CÁO", "kết quả số hóa tài liệu lưu trữ đợt 1 năm 2025"],
              body=[
                  "Thực hiện Kế hoạch số 45-KH/TU ngày 25/4/2025 của Ban Thường vụ Tỉnh ủy, Văn phòng Tỉnh ủy báo cáo kết quả số hóa tài liệu lưu trữ đợt 1 như sau:",
                  "1. Kết quả: đã số hóa 1.286 hồ sơ với 43.517 trang tài liệu, vượt 3,6% so với kế hoạch; 100% bản số được nhập dữ liệu đặc tả và kiểm tra chất lượng. Các tệp PDF được đặt tên theo quy định của Thông tư số 05/2025/TT-BNV của Bộ Nội vụ.",
                  "2. Hạn chế: một số tài liệu giai đoạn 1975 - 1990 viết tay, mực mờ, giấy giòn nên phải làm phẳng, gia cố trước khi quét; 37 trang bị rách mép phải tu bổ. Một số văn bản đánh máy bằng phông chữ .VnTime cũ khi nhận dạng chữ cho kết quả sai dấu.",
                  "3. Kiến nghị: bổ sung 02 máy quét khổ A3 và 01 máy chủ lưu trữ dữ liệu; đề nghị Tỉnh ủy cho phép kéo dài đợt 2 đến hết tháng 10/2025 để bảo đảm chất lượng.",
                  "Văn phòng Tỉnh ủy trân trọng báo cáo.",
              ],
              signer=_CHANH_VP,
              recipients=["Nơi nhận:", "- Thường trực Tỉnh ủy (b/c),", "- Lưu Văn phòng."]),
        entered_by="Trần Văn Hùng"))

    # ------------------------------------------------------------------ VPTU.2025.02
    add(Doc(
        "VPTU.2025.02.01", f2, 1, "52-KH/TU", "05/05/2025", "Kế hoạch", "Tỉnh ủy Sơn Hà",
        "Kế hoạch bàn giao, lưu trữ tài liệu của các cơ quan đảng khi sắp xếp, hợp nhất đơn vị hành chính cấp tỉnh, cấp xã",
        "Hoàng Minh Tuấn",
        party(TU, "52-KH/TU", "05/05/2025",
              title=["KẾ HOẠCH", "bàn giao, lưu trữ tài liệu của các cơ quan đảng khi sắp xếp, hợp nhất đơn vị hành chính"],
              body=[
                  "Căn cứ chủ trương của Trung ương về sắp xếp, hợp nhất đơn vị hành chính cấp tỉnh, cấp xã và không tổ chức cấp huyện, Ban Thường vụ Tỉnh ủy ban hành kế hoạch bàn giao, lưu trữ tài liệu như sau:",
                  "I. YÊU CẦU",
                  "Việc lưu trữ tài liệu phải bảo đảm nguyên tắc: tài liệu của cơ quan nào được bàn giao đầy đủ, nguyên vẹn cho cơ quan tiếp nhận; không để tài liệu ở các trụ sở bỏ trống sau khi hợp nhất.",
                  "II. NHIỆM VỤ CỤ THỂ",
                  "1. Các huyện ủy, thị ủy hoàn thành chỉnh lý, lập mục lục hồ sơ trước ngày 15/6/2025 và giao nộp vào Kho Lưu trữ Tỉnh ủy.",
                  "2. Các đảng ủy xã, thị trấn thuộc diện hợp nhất bàn giao hồ sơ, tài liệu cho đảng ủy xã mới; lập biên bản bàn giao theo mẫu của Văn phòng Tỉnh ủy.",
                  "3. Văn phòng Tỉnh ủy bố trí kho tạm, giá kệ, hộp đựng tài liệu; hướng dẫn việc lưu trữ tài liệu điện tử và bản số hóa.",
                  "III. TỔ CHỨC THỰC HIỆN",
                  "Bí thư các cấp ủy chịu trách nhiệm trước Ban Thường vụ Tỉnh ủy nếu để mất mát, hư hỏng tài liệu. Văn phòng Tỉnh ủy theo dõi, tổng hợp, báo cáo kết quả.",
              ],
              signer=_PHO_BI_THU,
              recipients=["Nơi nhận:", "- Các huyện ủy, thị ủy,", "- Các đảng ủy trực thuộc,", "- Lưu Văn phòng Tỉnh ủy."]),
        entered_by="Trần Văn Hùng"))

    add(Doc(
        "VPTU.2025.02.02", f2, 2, "215-CV/VPTU", "12/05/2025", "Công văn", "Văn phòng Tỉnh ủy Sơn Hà",
        "Về việc giao nộp hồ sơ, tài liệu của các huyện ủy vào Kho Lưu trữ Tỉnh ủy",
        "Trần Quốc Bảo",
        party(VPTU, "215-CV/VPTU", "12/05/2025",
              subject="V/v giao nộp hồ sơ, tài liệu của các huyện ủy",
              addressee="Kính gửi: Văn phòng các huyện ủy, thị ủy",
              body=[
                  "Thực hiện Kế hoạch số 52-KH/TU ngày 05/5/2025 của Ban Thường vụ Tỉnh ủy, Văn phòng Tỉnh ủy đề nghị văn phòng các huyện ủy, thị ủy chuẩn bị giao nộp tài liệu như sau:",
                  "1. Thành phần giao nộp: toàn bộ tài liệu hình thành từ năm 2010 đến thời điểm kết thúc hoạt động, kể cả tài liệu điện tử và bản số hóa đã thực hiện.",
                  "2. Hồ sơ phải được chỉnh lý hoàn chỉnh, xếp vào hộp, có mục lục hồ sơ bằng bản giấy và tệp Excel; các tệp PDF đặt tên theo mã hồ sơ.",
                  "3. Thời gian giao nộp: từ ngày 02/6/2025 đến ngày 13/6/2025, tại Kho Lưu trữ Tỉnh ủy, số 15 đường Lê Lợi, thành phố Sơn Hà.",
                  "Trong quá trình chuẩn bị, đề nghị liên hệ đồng chí Phạm Văn Đông, Trưởng phòng Hành chính - Lưu trữ, điện thoại 0203.3852.417 để được hướng dẫn.",
              ],
              signer=_PHO_CHANH_VP,
              recipients=["Nơi nhận:", "- Như trên,", "- Lưu Văn phòng."]),
        entered_by="Trần Văn Hùng"))

    add(Doc(
        "VPTU.2025.02.03", f2, 3, "140-TB/TU", "20/05/2025", "Thông báo", "Tỉnh ủy Sơn Hà",
        "Thông báo kết luận của Thường trực Tỉnh ủy về công tác lưu trữ tài liệu khi sắp xếp đơn vị hành chính",
        "Hoàng Minh Tuấn",
        party(TU, "140-TB/TU", "20/05/2025",
              title=["THÔNG BÁO", "kết luận của Thường trực Tỉnh ủy về công tác lưu trữ tài liệu khi sắp xếp đơn vị hành chính"],
              body=[
                  "Ngày 19/5/2025, Thường trực Tỉnh ủy nghe Văn phòng Tỉnh ủy báo cáo tiến độ số hóa và lưu trữ tài liệu của các cơ quan đảng khi sắp xếp đơn vị hành chính. Sau khi nghe ý kiến các đại biểu, Thường trực Tỉnh ủy kết luận:",
                  "1. Ghi nhận Văn phòng Tỉnh ủy đã chủ động tham mưu, triển khai số hóa đúng tiến độ; một số huyện ủy còn chậm thống kê tài liệu, chưa bố trí đủ người làm công tác lưu trữ.",
                  "2. Yêu cầu các huyện ủy hoàn thành giao nộp tài liệu trước ngày 15/6/2025; không để tình trạng tài liệu bị bó gói, để lẫn với đồ dùng văn phòng khi di chuyển trụ sở.",
                  "3. Giao Văn phòng Tỉnh ủy phối hợp với Sở Nội vụ thống nhất quy trình lưu trữ tài liệu của đảng ủy xã mới sau hợp nhất; báo cáo Thường trực Tỉnh ủy trước ngày 30/6/2025.",
              ],
              signer=["T/L BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG", "(Đã ký)", "Lê Thị Thanh Hương"],
              recipients=["Nơi nhận:", "- Các huyện ủy, thị ủy,", "- Lưu Văn phòng Tỉnh ủy."]),
        entered_by="Trần Văn Hùng"))

    add(Doc(
        "VPTU.2025.02.04", f2, 4, "96-BC/TU", "28/05/2025", "Báo cáo", "Tỉnh ủy Sơn Hà",
        "Báo cáo tình hình tư tưởng của cán bộ, đảng viên trong quá trình sắp xếp tổ chức bộ máy và đơn vị hành chính",
        "Hoàng Minh Tuấn",
        party(TU, "96-BC/TU", "28/05/2025",
              title=["BÁO CÁO", "tình hình tư tưởng của cán bộ, đảng viên trong quá trình sắp xếp tổ chức bộ máy"],
              body=[
                  "Qua nắm tình hình tại 11 huyện ủy, thị ủy và 46 đảng ủy xã, Ban Thường vụ Tỉnh ủy báo cáo như sau:",
                  "1. Đa số cán bộ, đảng viên đồng tình, ủng hộ chủ trương sắp xếp; nhiều đồng chí tự nguyện nghỉ hưu trước tuổi để tạo điều kiện cho việc bố trí cán bộ.",
                  "2. Một bộ phận cán bộ còn băn khoăn về vị trí công tác, chế độ chính sách sau khi sắp xếp; một số ý kiến lo ngại về khoảng cách đi lại khi trụ sở xã mới ở xa.",
                  "3. Đề xuất: sớm ban hành hướng dẫn bố trí cán bộ dôi dư; làm tốt công tác tư tưởng, không để phát sinh điểm nóng trong quá trình sắp xếp.",
              ],
              signer=_PHO_BI_THU,
              recipients=["Nơi nhận:", "- Ban Tổ chức Trung ương (b/c),", "- Lưu Văn phòng Tỉnh ủy."]),
        access="02", notes="Sử dụng có điều kiện: có thông tin đánh giá cán bộ.",
        entered_by="Trần Văn Hùng"))

    add(Doc(
        "VPTU.2025.02.05", f2, 5, "05-BB/VPTU", "06/06/2025", "Biên bản", "Văn phòng Tỉnh ủy Sơn Hà",
        "Biên bản giao nhận tài liệu lưu trữ của Huyện ủy Đông Khê vào Kho Lưu trữ Tỉnh ủy",
        "Phạm Văn Đông",
        party(VPTU, "05-BB/VPTU", "06/06/2025",
              title=["BIÊN BẢN", "giao nhận tài liệu của Huyện ủy Đông Khê"],
              body=[
                  "Hôm nay, ngày 06/6/2025, tại Kho Lưu trữ Tỉnh ủy, chúng tôi gồm: Bên giao: Văn phòng Huyện ủy Đông Khê, đại diện là đồng chí Nông Thị Hạnh, Chánh Văn phòng. Bên nhận: Văn phòng Tỉnh ủy, đại diện là đồng chí Phạm Văn Đông, Trưởng phòng Hành chính - Lưu trữ.",
                  "Thống nhất giao nhận tài liệu của Huyện ủy Đông Khê như sau: tên phông: Phông Huyện ủy Đông Khê; thời gian của tài liệu: 1976 - 2025; số lượng: 412 hộp, tương đương 56,4 mét giá; 2.318 hồ sơ; công cụ tra cứu kèm theo: mục lục hồ sơ 03 quyển và tệp Excel.",
                  "Tình trạng tài liệu khi giao nhận: tài liệu được chỉnh lý hoàn chỉnh; 27 hồ sơ giai đoạn 1976 - 1985 giấy giòn, chữ mờ, cần tu bổ trước khi đưa vào lưu trữ lâu dài.",
                  "Biên bản được lập thành 02 bản, mỗi bên giữ 01 bản.",
              ],
              signer=["BÊN NHẬN", "(Đã ký)", "Phạm Văn Đông"],
              recipients=["BÊN GIAO", "(Đã ký)", "Nông Thị Hạnh"]),
        entered_by="Trần Văn Hùng"))

    # ------------------------------------------------------------------ VPTU.2025.03
    add(Doc(
        "VPTU.2025.03.01", f3, 1, "03-CTr/VPTU", "08/01/2025", "Chương trình", "Văn phòng Tỉnh ủy Sơn Hà",
        "Chương trình hội nghị tổng kết công tác văn thư, lưu trữ các cơ quan đảng tỉnh năm 2024",
        "Lê Thị Thanh Hương",
        party(VPTU, "03-CTr/VPTU", "08/01/2025",
              title=["CHƯƠNG TRÌNH", "hội nghị tổng kết công tác văn thư, lưu trữ năm 2024"],
              body=[
                  "Thời gian: 01 buổi, bắt đầu từ 8 giờ 00 ngày 16/01/2025. Địa điểm: Hội trường Tỉnh ủy.",
                  "8 giờ 00 - 8 giờ 15: Đón tiếp đại biểu; văn nghệ chào mừng.",
                  "8 giờ 15 - 8 giờ 45: Báo cáo tổng kết công tác văn thư, lưu trữ năm 2024, phương hướng nhiệm vụ năm 2025 (đồng chí Chánh Văn phòng Tỉnh ủy trình bày).",
                  "8 giờ 45 - 10 giờ 15: Tham luận của các huyện ủy Tân Lập, Đông Khê, Thị ủy Vĩnh Hòa về kinh nghiệm lập hồ sơ điện tử.",
                  "10 giờ 15 - 10 giờ 45: Phát biểu chỉ đạo của đồng chí Phó Bí thư Thường trực Tỉnh ủy.",
                  "10 giờ 45 - 11 giờ 00: Trao giấy khen; bế mạc hội nghị.",
              ],
              signer=_CHANH_VP,
              recipients=["Nơi nhận:", "- Đại biểu dự hội nghị,", "- Lưu Văn phòng."]),
        entered_by="Nguyễn Thị Mai"))

    add(Doc(
        "VPTU.2025.03.02", f3, 2, "01-BC/VPTU", "10/01/2025", "Báo cáo", "Văn phòng Tỉnh ủy Sơn Hà",
        "Báo cáo tổng kết công tác văn thư, lưu trữ năm 2024 và phương hướng nhiệm vụ năm 2025",
        "Lê Thị Thanh Hương",
        party(VPTU, "01-BC/VPTU", "10/01/2025",
              title=["BÁO CÁO", "tổng kết công tác văn thư, lưu trữ năm 2024, phương hướng nhiệm vụ năm 2025"],
              body=[
                  "I. KẾT QUẢ THỰC HIỆN NĂM 2024",
                  "1. Công tác văn thư: Văn phòng Tỉnh ủy tiếp nhận 9.842 văn bản đến, phát hành 3.517 văn bản đi; tỷ lệ văn bản điện tử gửi nhận qua mạng đạt 92%. Số văn bản phải trả lại để sửa thể thức giảm rõ rệt so với năm trước.",
                  "2. Công tác lưu trữ: thu thập 186 hộp tài liệu của các ban đảng; chỉnh lý 14,5 mét giá tài liệu tồn đọng; phục vụ 612 lượt độc giả khai thác tài liệu, chủ yếu phục vụ biên soạn lịch sử Dang bộ các huyện và xác minh lý lịch cán bộ.",
                  "3. Hiện đại hóa: triển khai phần mềm quản lý văn bản và hồ sơ công việc đến 100% các ban xây dựng Đảng; tổ chức tập huấn nghiệp vụ cho 215 lượt cán bộ văn thư.",
                  "II. HẠN CHẾ",
                  "Kho tài liệu chật, một số giá kệ xuống cấp; việc lập hồ sơ công việc ở một số cơ quan còn hình thức, chưa đúng danh mục; tài liệu điện tử chưa được nộp lưu đầy đủ.",
                  "\f",
                  "III. PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2025",
                  "1. Thực hiện nghiêm các quy định của Trung ương về công tác văn thư, lưu trữ; chuẩn bị chu đáo cho việc sắp xếp tổ chức bộ máy, bảo đảm an toàn tài liệu.",
                  "2. Cải tạo, mở rộng kho lưu trữ; bổ sung trang thiết bị bảo quản; đẩy mạnh ứng dụng công nghệ thông tin, từng bước hình thành kho dữ liệu tài liệu lưu trữ.",
                  "3. Tăng cường kiểm tra, hướng dẫn nghiệp vụ đối với văn phòng các huyện ủy, thị ủy; biểu dương kịp thời tập thể, cá nhân làm tốt.",
                  "Văn phòng Tỉnh ủy trân trọng báo cáo.",
              ],
              signer=_CHANH_VP,
              recipients=["Nơi nhận:", "- Thường trực Tỉnh ủy (b/c),", "- Các ban đảng Tỉnh ủy,", "- Lưu Văn phòng."]),
        notes="Văn bản được nhận dạng chữ (OCR) từ bản giấy; còn lỗi chữ, ví dụ \"Dang bộ\".",
        entered_by="Nguyễn Thị Mai"))

    add(Doc(
        "VPTU.2025.03.03", f3, 3, "25-TTr/VPTU", "20/01/2025", "Tờ trình", "Văn phòng Tỉnh ủy Sơn Hà",
        "Tờ trình đề nghị khen thưởng tập thể, cá nhân có thành tích trong công tác văn thư, lưu trữ năm 2024",
        "Lê Thị Thanh Hương",
        party(VPTU, "25-TTr/VPTU", "20/01/2025",
              title=["TỜ TRÌNH", "đề nghị khen thưởng tập thể, cá nhân có thành tích trong công tác văn thư, lưu trữ năm 2024"],
              addressee="Kính gửi: Thường trực Tỉnh ủy",
              body=[
                  "Căn cứ kết quả bình xét tại hội nghị tổng kết công tác văn thư, lưu trữ năm 2024, Văn phòng Tỉnh ủy kính trình Thường trực Tỉnh ủy xem xét, tặng giấy khen cho 04 tập thể và 09 cá nhân.",
                  "Tập thể: Văn phòng Huyện ủy Tân Lập; Văn phòng Thị ủy Vĩnh Hòa; Phòng Hành chính - Lưu trữ, Văn phòng Tỉnh ủy; Văn phòng Đảng ủy Khối các cơ quan tỉnh.",
                  "Cá nhân: các đồng chí có tên trong danh sách kèm theo, trong đó có 03 đồng chí đạt thành tích xuất sắc trong việc chỉnh lý tài liệu tồn đọng và lập cơ sở dữ liệu hồ sơ.",
                  "Kính trình Thường trực Tỉnh ủy xem xét, quyết định.",
              ],
              signer=_CHANH_VP,
              recipients=["Nơi nhận:", "- Như trên,", "- Lưu Văn phòng."]),
        access="02", notes="Kèm danh sách cá nhân (bản giấy, chưa quét).", entered_by="Nguyễn Thị Mai"))

    add(Doc(
        "VPTU.2025.03.04", f3, 4, "371-QĐ/TU", "24/02/2025", "Quyết định", "Tỉnh ủy Sơn Hà",
        "Quyết định ban hành Danh mục hồ sơ năm 2025 của các cơ quan tham mưu, giúp việc Tỉnh ủy",
        "Hoàng Minh Tuấn",
        party(TU, "371-QĐ/TU", "24/02/2025",
              title=["QUYẾT ĐỊNH", "ban hành Danh mục hồ sơ năm 2025 của các cơ quan tham mưu, giúp việc Tỉnh ủy"],
              body=[
                  "- Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh;",
                  "- Căn cứ các quy định của Trung ương về lập hồ sơ và nộp lưu hồ sơ, tài liệu vào lưu trữ cơ quan;",
                  "- Xét đề nghị của Văn phòng Tỉnh ủy,",
                  "BAN THƯỜNG VỤ TỈNH ỦY QUYẾT ĐỊNH",
                  "Điều 1. Ban hành kèm theo quyết định này Danh mục hồ sơ năm 2025 của các cơ quan tham mưu, giúp việc Tỉnh ủy, gồm 318 hồ sơ.",
                  "Điều 2. Các cơ quan căn cứ danh mục để lập hồ sơ công việc trên phần mềm, nộp lưu vào Kho Lưu trữ Tỉnh ủy đúng thời hạn; hồ sơ điện tử được nộp kèm dữ liệu đặc tả theo quy định.",
                  "Điều 3. Văn phòng Tỉnh ủy, các ban đảng, Ủy ban Kiểm tra Tỉnh ủy, Đảng ủy Khối các cơ quan tỉnh thi hành quyết định này.",
              ],
              signer=_PHO_BI_THU,
              recipients=["Nơi nhận:", "- Như Điều 3,", "- Lưu Văn phòng Tỉnh ủy."]),
        entered_by="Nguyễn Thị Mai"))
    return docs


# =========================================================================== package 2

UBND = ["ỦY BAN NHÂN DÂN", "TỈNH SƠN HÀ"]
UBND_OLD = ["UỶ BAN NHÂN DÂN", "TỈNH SƠN HÀ"]
UB_FONDS = ("H42.01", "Phông Ủy ban nhân dân tỉnh Sơn Hà")
UB_ISSUER = "Ủy ban nhân dân tỉnh Sơn Hà"

UBND_PACKAGE = {
    "id": "UBND-2024-03",
    "title": "Tài liệu Ủy ban nhân dân tỉnh Sơn Hà giao nộp đợt 3 năm 2024",
    "fonds_code": UB_FONDS[0],
    "fonds_name": UB_FONDS[1],
    "agency": "Văn phòng Ủy ban nhân dân tỉnh Sơn Hà",
    "handover_date": "16/12/2024",
    "handed_over_by": "Phòng Hành chính - Tổ chức, Văn phòng UBND tỉnh",
    "received_by": "Trung tâm Lưu trữ lịch sử tỉnh Sơn Hà",
    "description": ("Hồ sơ về đất đai, văn hóa - xã hội và công tác văn thư, lưu trữ của UBND tỉnh; "
                    "mục lục trong một tệp Excel; một hồ sơ được số hóa thành một tệp PDF duy nhất, "
                    "một số văn bản chỉ có ảnh quét."),
}

UBND_FILES = [
    ArchivalFile(
        "H42.2024.05", "Hồ sơ giao đất, thu hồi đất thực hiện các dự án trên địa bàn tỉnh năm 2024",
        *UB_FONDS, "12", "3", "5", "15/01/2024", "28/06/2024", "14",
        keywords="đất đai; giao đất; thu hồi đất; bồi thường"),
    ArchivalFile(
        "H42.2024.06", "Hồ sơ chỉ đạo công tác văn hóa - xã hội năm 2024",
        *UB_FONDS, "12", "3", "6", "05/02/2024", "19/07/2024", "9",
        retention="04", keywords="văn hóa; lễ hội; hòa giải ở cơ sở; nông thôn mới"),
    ArchivalFile(
        "H42.2024.07", "Hồ sơ ban hành Quy định về công tác văn thư, lưu trữ trên địa bàn tỉnh Sơn Hà",
        *UB_FONDS, "12", "4", "7", "02/04/2024", "22/04/2024", "5",
        keywords="văn thư; lưu trữ; Nghị định 30/2020/NĐ-CP",
        notes="Cả hồ sơ được số hóa thành một tệp PDF (data/H42.2024.07.pdf).", whole_pdf=True),
    ArchivalFile(
        "H42.2024.08", "Hồ sơ giải quyết kiến nghị của công dân về bồi thường, giải phóng mặt bằng tại xã Phú Mỹ",
        *UB_FONDS, "12", "4", "8", "03/09/2024", "25/10/2024", "5",
        retention="03", condition="02", keywords="đất đai; bồi thường; kiến nghị",
        notes="Hai văn bản chỉ có ảnh quét, chưa nhận dạng chữ."),
]

_CT = ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "(Đã ký)", "Nguyễn Văn Khải"]
_PCT_THUY = ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(Đã ký)", "Phạm Thị Thúy"]
_PCT_DAT = ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(Đã ký)", "Lương Văn Quyết"]


def ubnd_documents() -> list[Doc]:
    docs: list[Doc] = []
    add = docs.append
    f5, f6, f7, f8 = "H42.2024.05", "H42.2024.06", "H42.2024.07", "H42.2024.08"

    # ------------------------------------------------------------------ H42.2024.05
    add(Doc(
        "H42.01-2024-0001", f5, 1, "15/QĐ-UBND", "15/01/2024", "Quyết định", UB_ISSUER,
        "Về việc thu hồi đất để thực hiện dự án mở rộng đường tỉnh 712 qua xã Phú Mỹ, huyện Tân Lập",
        "Nguyễn Văn Khải",
        state(UBND, "15/QĐ-UBND", "15/01/2024",
              title=["QUYẾT ĐỊNH", "Về việc thu hồi đất để mở rộng đường tỉnh 712"],
              body=[
                  "ỦY BAN NHÂN DÂN TỈNH SƠN HÀ",
                  "Căn cứ Luật Đất đai; xét đề nghị của Sở Tài nguyên và Môi trường,",
                  "QUYẾT ĐỊNH:",
                  "Điều 1. Thu hồi 24.150 m2 đất tại xã Phú Mỹ, huyện Tân Lập để mở rộng đường tỉnh 712.",
                  "Điều 2. UBND huyện Tân Lập tổ chức bồi thường, hỗ trợ theo quy định.",
                  "Điều 3. Quyết định có hiệu lực kể từ ngày ký.",
              ],
              signer=_CT, recipients=["Nơi nhận:", "- Như Điều 3,", "- Lưu: VT, KT."]),
        kind="scan", seed=15, file="scan/quyet-dinh-15.pdf",
        autograph="Có bút phê của Chủ tịch UBND tỉnh ở lề trái", entered_by="Đỗ Thị Lan"))

    add(Doc(
        "H42.01-2024-0002", f5, 2, "21/QĐ-UBND", "26/01/2024", "Quyết định", UB_ISSUER,
        "Về việc giao đất cho Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh để xây dựng cầu Bến Vạn",
        "Lương Văn Quyết",
        state(UBND, "21/QĐ-UBND", "26/01/2024",
              title=["QUYẾT ĐỊNH", "Về việc giao đất cho Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh"],
              body=[
                  "ỦY BAN NHÂN DÂN TỈNH SƠN HÀ",
                  "Căn cứ Luật Tổ chức chính quyền địa phương; căn cứ Luật Đất đai và các văn bản hướng dẫn thi hành;",
                  "Căn cứ Quyết định số 15/QĐ-UBND ngày 15/01/2024 của UBND tỉnh về việc thu hồi đất;",
                  "Xét đề nghị của Giám đốc Sở Tài nguyên và Môi trường tại Tờ trình số 31/TTr-STNMT ngày 22/01/2024,",
                  "QUYẾT ĐỊNH:",
                  "Điều 1. Giao 18.620 m2 đất tại xã Phú Mỹ, huyện Tân Lập cho Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh để xây dựng cầu Bến Vạn và đường dẫn hai đầu cầu. Hình thức giao đất: giao đất không thu tiền sử dụng đất. Vị trí, ranh giới khu đất được xác định theo trích lục bản đồ địa chính do Văn phòng Đăng ký đất đai tỉnh lập.",
                  "Điều 2. Sở Tài nguyên và Môi trường có trách nhiệm bàn giao đất trên thực địa, chỉnh lý hồ sơ địa chính; Ban Quản lý dự án sử dụng đất đúng mục đích, đúng tiến độ.",
                  "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc các sở: Tài nguyên và Môi trường, Giao thông vận tải, Tài chính; Chủ tịch UBND huyện Tân Lập và Giám đốc Ban Quản lý dự án chịu trách nhiệm thi hành Quyết định này.",
              ],
              signer=_PCT_DAT, recipients=["Nơi nhận:", "- Như Điều 3,", "- CT, các PCT UBND tỉnh,", "- Lưu: VT, KT."]),
        entered_by="Đỗ Thị Lan"))

    add(Doc(
        "H42.01-2024-0003", f5, 3, "118/TTr-STNMT", "12/03/2024", "Tờ trình", "Sở Tài nguyên và Môi trường tỉnh Sơn Hà",
        "Đề nghị thu hồi đất, giao đất để xây dựng khu tái định cư xã Phú Mỹ, huyện Tân Lập",
        "Hà Văn Thắng",
        state(["UBND TỈNH SƠN HÀ", "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG"], "118/TTr-STNMT", "12/03/2024",
              title=["TỜ TRÌNH", "Đề nghị thu hồi đất, giao đất để xây dựng khu tái định cư xã Phú Mỹ"],
              addressee="Kính gửi: Ủy ban nhân dân tỉnh Sơn Hà",
              body=[
                  "Để có quỹ đất bố trí tái định cư cho 47 hộ gia đình bị ảnh hưởng bởi dự án mở rộng đường tỉnh 712, Sở Tài nguyên và Môi trường đã phối hợp với UBND huyện Tân Lập khảo sát, lựa chọn vị trí tại thôn Đồng Chùa, xã Phú Mỹ.",
                  "Khu đất có diện tích 3,2 ha, hiện trạng là đất trồng lúa một vụ năng suất thấp và đất bằng chưa sử dụng; phù hợp quy hoạch, kế hoạch sử dụng đất năm 2024 của huyện Tân Lập đã được phê duyệt.",
                  "Sở Tài nguyên và Môi trường kính đề nghị UBND tỉnh: thu hồi 3,2 ha đất nêu trên; giao cho UBND huyện Tân Lập làm chủ đầu tư xây dựng hạ tầng khu tái định cư; giao đất có thu tiền sử dụng đất cho các hộ tái định cư theo phương án được duyệt.",
                  "Kèm theo Tờ trình: trích lục bản đồ địa chính, biên bản kiểm tra hiện trạng sử dụng đất đai, dự thảo Quyết định.",
                  "Kính trình UBND tỉnh xem xét, quyết định.",
              ],
              signer=["GIÁM ĐỐC", "(Đã ký)", "Hà Văn Thắng"],
              recipients=["Nơi nhận:", "- Như trên,", "- Lưu: VT, QLĐĐ."]),
        file="scan/to-trinh-118-STNMT.pdf", entered_by="Đỗ Thị Lan"))

    add(Doc(
        "H42.01-2024-0004", f5, 4, "356/BC-UBND", "20/05/2024", "Báo cáo", UB_ISSUER,
        "Báo cáo tình hình quản lý, sử dụng đất đai 6 tháng đầu năm 2024",
        "Lương Văn Quyết",
        state(UBND, "356/BC-UBND", "20/05/2024",
              title=["BÁO CÁO", "Tình hình quản lý, sử dụng đất đai 6 tháng đầu năm 2024"],
              body=[
                  "I. KẾT QUẢ ĐẠT ĐƯỢC",
                  "1. Công tác giao đất, cho thuê đất: UBND tỉnh đã ban hành 38 quyết định giao đất, cho thuê đất với tổng diện tích 126,4 ha, chủ yếu cho các dự án giao thông, khu công nghiệp Tây Sơn Hà và các công trình hạ tầng nông thôn mới.",
                  "2. Công tác thu hồi đất, bồi thường: thu hồi 97,8 ha đất của 1.214 hộ gia đình, cá nhân; đã chi trả tiền bồi thường, hỗ trợ 312,5 tỷ đồng; bố trí tái định cư cho 186 hộ.",
                  "3. Cấp giấy chứng nhận quyền sử dụng đất: cấp mới 4.526 giấy chứng nhận, đạt 61% kế hoạch năm; cơ sở dữ liệu đất đai của 5/9 huyện, thị xã đã được xây dựng và đưa vào vận hành.",
                  "\f",
                  "II. TỒN TẠI, HẠN CHẾ",
                  "Một số dự án chậm giải phóng mặt bằng do người dân chưa đồng thuận với đơn giá bồi thường; việc lập hồ sơ địa chính ở một số xã chưa kịp thời; tình trạng lấn chiếm đất công tại các khu dân cư ven đường tỉnh 712 chưa được xử lý dứt điểm.",
                  "III. NHIỆM VỤ 6 THÁNG CUỐI NĂM",
                  "1. Tập trung tháo gỡ vướng mắc trong bồi thường, giải phóng mặt bằng các dự án trọng điểm; hoàn thành khu tái định cư xã Phú Mỹ trong quý III/2024.",
                  "2. Đẩy nhanh xây dựng cơ sở dữ liệu đất đai của các huyện còn lại; kết nối với cơ sở dữ liệu quốc gia về đất đai.",
                  "3. Tăng cường thanh tra, kiểm tra việc sử dụng đất sau giao đất, cho thuê đất; thu hồi đất của các dự án chậm tiến độ quá thời hạn.",
              ],
              signer=_PCT_DAT,
              recipients=["Nơi nhận:", "- Bộ Tài nguyên và Môi trường,", "- TT Tỉnh ủy, TT HĐND tỉnh,", "- Lưu: VT, KT."]),
        entered_by="Đỗ Thị Lan"))

    add(Doc(
        "H42.01-2024-0005", f5, 5, "1206/QĐ-UBND", "28/06/2024", "Quyết định", UB_ISSUER,
        "Phê duyệt phương án bồi thường, hỗ trợ và tái định cư khi thu hồi đất dự án cầu Bến Vạn",
        "Lương Văn Quyết",
        state(UBND, "1206/QĐ-UBND", "28/06/2024",
              title=["QUYẾT ĐỊNH", "Phê duyệt phương án bồi thường, hỗ trợ và tái định cư dự án cầu Bến Vạn"],
              body=[
                  "ỦY BAN NHÂN DÂN TỈNH SƠN HÀ",
                  "Căn cứ Luật Đất đai; căn cứ Quyết định số 21/QĐ-UBND ngày 26/01/2024 của UBND tỉnh;",
                  "Xét đề nghị của Hội đồng bồi thường, hỗ trợ và tái định cư huyện Tân Lập,",
                  "QUYẾT ĐỊNH:",
                  "Điều 1. Phê duyệt phương án bồi thường, hỗ trợ và tái định cư khi thu hồi đất thực hiện dự án cầu Bến Vạn với tổng kinh phí 48.730.215.000 đồng, trong đó: bồi thường về đất 31.406.500.000 đồng; bồi thường tài sản, cây cối, hoa màu 9.118.715.000 đồng; hỗ trợ ổn định đời sống, chuyển đổi nghề 8.205.000.000 đồng.",
                  "Điều 2. UBND huyện Tân Lập niêm yết công khai phương án tại trụ sở UBND xã Phú Mỹ và nhà văn hóa các thôn có đất bị thu hồi; chi trả tiền cho người có đất bị thu hồi trong thời hạn 30 ngày.",
                  "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.",
              ],
              signer=_PCT_DAT, recipients=["Nơi nhận:", "- Như Điều 2,", "- Sở Tài chính,", "- Lưu: VT, KT."]),
        entered_by="Đỗ Thị Lan"))

    # ------------------------------------------------------------------ H42.2024.06
    add(Doc(
        "H42.01-2024-0006", f6, 1, "12/UBND-VX", "05/02/2024", "Công văn", UB_ISSUER,
        "Về việc bảo đảm an toàn, tiết kiệm trong tổ chức lễ hội đầu xuân Giáp Thìn 2024",
        "Phạm Thị Thúy",
        state(UBND, "12/UBND-VX", "05/02/2024",
              subject="V/v tổ chức lễ hội đầu xuân Giáp Thìn 2024",
              addressee="Kính gửi: Các sở, ban, ngành; UBND các huyện, thị xã, thành phố",
              body=[
                  "Để các lễ hội đầu xuân Giáp Thìn năm 2024 trên địa bàn tỉnh diễn ra an toàn, tiết kiệm, đúng quy định, Chủ tịch UBND tỉnh yêu cầu:",
                  "1. Sở Văn hóa, Thể thao và Du lịch hướng dẫn, kiểm tra việc tổ chức lễ hội; kiên quyết xử lý các hành vi lợi dụng lễ hội để trục lợi, mê tín dị đoan, đánh bạc trái phép.",
                  "2. Công an tỉnh bảo đảm an ninh trật tự, an toàn giao thông tại Lễ hội đền Bà Chúa Kho, lễ hội chợ Viềng và các điểm di tích có đông du khách.",
                  "3. UBND các huyện, thị xã, thành phố quản lý chặt chẽ việc đặt hòm công đức, phát hành ấn phẩm; công khai các khoản thu chi; giữ gìn vệ sinh môi trường tại khu di tích.",
                  "Yêu cầu các cơ quan, đơn vị nghiêm túc thực hiện; báo cáo kết quả về UBND tỉnh (qua Sở Văn hóa, Thể thao và Du lịch) trước ngày 05/3/2024.",
              ],
              signer=_PCT_THUY,
              recipients=["Nơi nhận:", "- Như trên,", "- Lưu: VT, VX."]),
        file="scan\\cong-van-12-UBND-VX.pdf", entered_by="Lý Minh Châu"))

    add(Doc(
        "H42.01-2024-0007", f6, 2, "85/KH-UBND", "14/03/2024", "Kế hoạch", "Uỷ ban nhân dân tỉnh Sơn Hà",
        "Kế hoạch triển khai công tác hoà giải ở cơ sở năm 2024",
        "Phạm Thị Thuý",
        state(UBND_OLD, "85/KH-UBND", "14/03/2024", national="CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
              title=["KẾ HOẠCH", "Triển khai công tác hoà giải ở cơ sở năm 2024"],
              body=[
                  "Thực hiện Luật Hoà giải ở cơ sở, Uỷ ban nhân dân tỉnh ban hành Kế hoạch triển khai công tác hoà giải ở cơ sở năm 2024 như sau:",
                  "I. MỤC ĐÍCH, YÊU CẦU",
                  "Giải quyết kịp thời các mâu thuẫn, tranh chấp nhỏ trong cộng đồng dân cư, góp phần giữ gìn tình làng nghĩa xóm hoà thuận, hạn chế khiếu kiện vượt cấp; nâng cao kỹ năng cho hoà giải viên.",
                  "II. NỘI DUNG",
                  "1. Kiện toàn 1.126 tổ hoà giải ở các thôn, tổ dân phố; bổ sung hoà giải viên là người có uy tín, hiểu biết pháp luật, ưu tiên già làng, trưởng họ ở vùng đồng bào dân tộc thiểu số.",
                  "2. Tổ chức 09 lớp tập huấn kỹ năng hoà giải về tranh chấp đất đai, hôn nhân gia đình; biên soạn sổ tay hoà giải viên song ngữ Việt - Tày.",
                  "3. Tổ chức Hội thi hoà giải viên giỏi cấp tỉnh vào quý III năm 2024.",
                  "III. TỔ CHỨC THỰC HIỆN",
                  "Sở Tư pháp chủ trì, phối hợp với Uỷ ban Mặt trận Tổ quốc Việt Nam tỉnh hướng dẫn, kiểm tra; Uỷ ban nhân dân các huyện, thị xã, thành phố bố trí kinh phí hỗ trợ tổ hoà giải theo quy định.",
              ],
              signer=["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(Đã ký)", "Phạm Thị Thuý"],
              recipients=["Nơi nhận:", "- Bộ Tư pháp,", "- UB MTTQ tỉnh,", "- Lưu: VT, NC."]),
        notes="Văn bản soạn theo kiểu bỏ dấu cũ (Uỷ, hoà, Thuý).", entered_by="Lý Minh Châu"))

    add(Doc(
        "H42.01-2024-0008", f6, 3, "1389/QĐ-UBND", "19/07/2024", "Quyết định", UB_ISSUER,
        "Công nhận xã Tân Hòa, huyện Đông Khê đạt chuẩn nông thôn mới nâng cao năm 2024",
        "Phạm Thị Thúy",
        state(UBND, "1389/QĐ-UBND", "19/07/2024",
              title=["QUYẾT ĐỊNH", "Công nhận xã Tân Hòa, huyện Đông Khê đạt chuẩn nông thôn mới nâng cao năm 2024"],
              body=[
                  "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH SƠN HÀ",
                  "Căn cứ Bộ tiêu chí quốc gia về xã nông thôn mới nâng cao giai đoạn 2021 - 2025;",
                  "Xét đề nghị của Ủy ban nhân dân huyện Đông Khê và Văn phòng Điều phối nông thôn mới tỉnh,",
                  "QUYẾT ĐỊNH:",
                  "Điều 1. Công nhận xã Tân Hòa, huyện Đông Khê đạt chuẩn nông thôn mới nâng cao năm 2024. Xã có thu nhập bình quân đầu người đạt 62,5 triệu đồng/năm; tỷ lệ hộ nghèo đa chiều còn 1,8%; 100% thôn có nhà văn hóa đạt chuẩn và duy trì hoạt động câu lạc bộ văn hóa, văn nghệ.",
                  "Điều 2. Ủy ban nhân dân xã Tân Hòa có trách nhiệm tiếp tục duy trì, nâng cao chất lượng các tiêu chí; giữ vững an ninh trật tự, xây dựng khu dân cư hòa thuận, đoàn kết.",
                  "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Chủ tịch Ủy ban nhân dân huyện Đông Khê, Chủ tịch Ủy ban nhân dân xã Tân Hòa chịu trách nhiệm thi hành Quyết định này.",
              ],
              signer=_PCT_THUY,
              recipients=["Nơi nhận:", "- Như Điều 3,", "- Lưu: VT, NN."]),
        notes="Văn bản soạn theo kiểu bỏ dấu mới (Ủy, hòa, Thúy).", entered_by="Lý Minh Châu"))

    add(Doc(
        "H42.01-2024-0009", f6, 4, "402/BC-UBND", "28/06/2024", "Báo cáo", UB_ISSUER,
        "Báo cáo kết quả thực hiện nhiệm vụ văn hóa - xã hội 6 tháng đầu năm 2024",
        "Phạm Thị Thúy",
        state(UBND, "402/BC-UBND", "28/06/2024",
              title=["BÁO CÁO", "Kết quả thực hiện nhiệm vụ văn hóa - xã hội 6 tháng đầu năm 2024"],
              body=[
                  "1. Giáo dục và đào tạo: tỷ lệ học sinh tốt nghiệp trung học phổ thông đạt 98,7%; có thêm 14 trường đạt chuẩn quốc gia. Y tế: tỷ lệ người dân tham gia bảo hiểm y tế đạt 93,2%.",
                  "2. Văn hóa, thể thao, du lịch: tổ chức thành công Tuần Văn hóa - Du lịch Sơn Hà năm 2024; đón 1,26 triệu lượt khách, tăng 11% so với cùng kỳ. Hoàn thành số hóa hồ sơ 36 di tích lịch sử - văn hóa cấp tỉnh để quảng bá trên cổng thông tin du lịch.",
                  "3. Lao động, việc làm, an sinh xã hội: giải quyết việc làm cho 9.840 lao động; chi trả kịp thời trợ cấp cho các đối tượng bảo trợ xã hội; hỗ trợ xóa 312 nhà tạm cho hộ nghèo.",
                  "4. Hạn chế: thiếu giáo viên ở vùng sâu, vùng xa; một số lễ hội còn tình trạng chen lấn, ùn tắc giao thông.",
                  "Nhiệm vụ 6 tháng cuối năm: chuẩn bị tốt năm học mới; phòng, chống dịch bệnh mùa mưa bão; hoàn thành mục tiêu xóa nhà tạm trước ngày 31/12/2024.",
              ],
              signer=_PCT_THUY,
              recipients=["Nơi nhận:", "- TT Tỉnh ủy, TT HĐND tỉnh,", "- Lưu: VT, VX."]),
        entered_by="Lý Minh Châu"))

    # ------------------------------------------------------------------ H42.2024.07 (one whole-file PDF)
    add(Doc(
        "H42.01-2024-0010", f7, 1, "25/TTr-VP", "02/04/2024", "Tờ trình", "Văn phòng Ủy ban nhân dân tỉnh Sơn Hà",
        "Đề nghị ban hành Quy định về công tác văn thư, lưu trữ trên địa bàn tỉnh",
        "Trịnh Văn Sơn",
        state(["UBND TỈNH SƠN HÀ", "VĂN PHÒNG"], "25/TTr-VP", "02/04/2024",
              title=["TỜ TRÌNH", "Đề nghị ban hành Quy định về công tác văn thư, lưu trữ trên địa bàn tỉnh"],
              addressee="Kính gửi: Ủy ban nhân dân tỉnh",
              body=[
                  "Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư đã thay đổi nhiều quy định về thể thức, kỹ thuật trình bày văn bản, quản lý văn bản điện tử và lập hồ sơ; trong khi quy định của tỉnh về công tác văn thư, lưu trữ được ban hành từ năm 2016 đến nay không còn phù hợp.",
                  "Văn phòng UBND tỉnh đã phối hợp với Sở Nội vụ xây dựng dự thảo Quy định mới gồm 5 chương, 32 điều; lấy ý kiến các sở, ngành, địa phương và đã có Báo cáo thẩm định của Sở Tư pháp.",
                  "Văn phòng UBND tỉnh kính trình UBND tỉnh xem xét, ban hành Quyết định kèm theo Quy định về công tác văn thư, lưu trữ trên địa bàn tỉnh Sơn Hà.",
              ],
              signer=["CHÁNH VĂN PHÒNG", "(Đã ký)", "Trịnh Văn Sơn"],
              recipients=["Nơi nhận:", "- Như trên,", "- Lưu: VT, HCTC."]),
        whole_file=True, entered_by="Đỗ Thị Lan"))

    add(Doc(
        "H42.01-2024-0011", f7, 2, "45/BC-STP", "10/04/2024", "Báo cáo", "Sở Tư pháp tỉnh Sơn Hà",
        "Báo cáo thẩm định dự thảo Quyết định ban hành Quy định về công tác văn thư, lưu trữ",
        "Mai Xuân Trường",
        state(["UBND TỈNH SƠN HÀ", "SỞ TƯ PHÁP"], "45/BC-STP", "10/04/2024",
              title=["BÁO CÁO THẨM ĐỊNH", "Dự thảo Quyết định ban hành Quy định về công tác văn thư, lưu trữ"],
              body=[
                  "Sở Tư pháp nhận được hồ sơ đề nghị thẩm định ngày 03/4/2024. Sau khi nghiên cứu, Sở Tư pháp có ý kiến như sau:",
                  "1. Sự cần thiết ban hành: việc ban hành Quy định là cần thiết để cụ thể hóa Luật Lưu trữ và Nghị định số 30/2020/NĐ-CP trên địa bàn tỉnh.",
                  "2. Tính hợp hiến, hợp pháp: nội dung dự thảo phù hợp với thẩm quyền của UBND tỉnh; đề nghị rà soát Điều 14 về thời hạn nộp lưu hồ sơ điện tử cho thống nhất với quy định của Bộ Nội vụ.",
                  "3. Kỹ thuật soạn thảo: đề nghị chỉnh sửa một số lỗi thể thức, bỏ các điều khoản nhắc lại nguyên văn quy định cấp trên.",
                  "Dự thảo đủ điều kiện trình UBND tỉnh sau khi tiếp thu ý kiến thẩm định.",
              ],
              signer=["GIÁM ĐỐC", "(Đã ký)", "Mai Xuân Trường"],
              recipients=["Nơi nhận:", "- Văn phòng UBND tỉnh,", "- Lưu: VT, XDKTVB."]),
        whole_file=True, entered_by="Đỗ Thị Lan"))

    add(Doc(
        "H42.01-2024-0012", f7, 3, "19/2024/QĐ-UBND", "22/04/2024", "Quyết định", UB_ISSUER,
        "Ban hành Quy định về công tác văn thư, lưu trữ trên địa bàn tỉnh Sơn Hà",
        "Nguyễn Văn Khải",
        state(UBND, "19/2024/QĐ-UBND", "22/04/2024",
              title=["QUYẾT ĐỊNH", "Ban hành Quy định về công tác văn thư, lưu trữ trên địa bàn tỉnh Sơn Hà"],
              body=[
                  "ỦY BAN NHÂN DÂN TỈNH SƠN HÀ",
                  "Căn cứ Luật Lưu trữ; căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;",
                  "Theo đề nghị của Chánh Văn phòng UBND tỉnh tại Tờ trình số 25/TTr-VP ngày 02/4/2024,",
                  "QUYẾT ĐỊNH:",
                  "Điều 1. Ban hành kèm theo Quyết định này Quy định về công tác văn thư, lưu trữ trên địa bàn tỉnh Sơn Hà.",
                  "Điều 2. Quyết định này có hiệu lực từ ngày 05 tháng 5 năm 2024 và thay thế Quyết định số 07/2016/QĐ-UBND ngày 18/3/2016 của UBND tỉnh.",
                  "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ, thủ trưởng các sở, ban, ngành, Chủ tịch UBND các huyện, thị xã, thành phố chịu trách nhiệm thi hành Quyết định này.",
                  "\f",
                  "QUY ĐỊNH\nVề công tác văn thư, lưu trữ trên địa bàn tỉnh Sơn Hà\n(Ban hành kèm theo Quyết định số 19/2024/QĐ-UBND ngày 22/4/2024 của UBND tỉnh)",
                  "Điều 1. Phạm vi điều chỉnh: Quy định này quy định về soạn thảo, ban hành, quản lý văn bản; lập hồ sơ và nộp lưu hồ sơ, tài liệu vào lưu trữ cơ quan; thu thập, bảo quản, số hóa và sử dụng tài liệu lưu trữ tại Trung tâm Lưu trữ lịch sử tỉnh.",
                  "Điều 9. Văn bản điện tử được ký số theo thể thức tại Phụ lục I Nghị định số 30/2020/NĐ-CP; văn bản giấy và văn bản điện tử có giá trị pháp lý như nhau.",
                  "Điều 14. Hồ sơ điện tử được nộp lưu vào hệ thống quản lý tài liệu điện tử của cơ quan trong thời hạn 01 năm kể từ ngày công việc kết thúc.",
              ],
              signer=_CT,
              recipients=["Nơi nhận:", "- Bộ Nội vụ, Cục Kiểm tra văn bản QPPL,", "- Như Điều 3,", "- Lưu: VT, HCTC."]),
        whole_file=True, entered_by="Đỗ Thị Lan"))

    # ------------------------------------------------------------------ H42.2024.08 (scans)
    add(Doc(
        "H42.01-2024-0013", f8, 1, "45/TB-UBND", "03/09/2024", "Thông báo", UB_ISSUER,
        "Thông báo kết quả giải quyết kiến nghị của các hộ dân thôn Đồng Chùa về giá bồi thường đất",
        "Lương Văn Quyết",
        state(UBND, "45/TB-UBND", "03/09/2024",
              title=["THÔNG BÁO", "Kết quả giải quyết kiến nghị của các hộ dân thôn Đồng Chùa"],
              body=[
                  "Ngày 20/8/2024, UBND tỉnh nhận đơn kiến nghị của 12 hộ dân thôn Đồng Chùa, xã Phú Mỹ về giá bồi thường đất nông nghiệp.",
                  "Qua kiểm tra, giá bồi thường đã áp dụng đúng bảng giá đất của tỉnh; UBND tỉnh giao UBND huyện Tân Lập hỗ trợ thêm chi phí chuyển đổi nghề cho các hộ có trên 70% diện tích đất nông nghiệp bị thu hồi.",
              ],
              signer=_PCT_DAT, recipients=["Nơi nhận:", "- Các hộ dân,", "- Lưu: VT, TD."]),
        kind="scan", seed=45, entered_by="Lý Minh Châu"))

    add(Doc(
        "H42.01-2024-0014", f8, 2, "1702/QĐ-UBND", "27/09/2024", "Quyết định", UB_ISSUER,
        "Về việc hỗ trợ bổ sung chuyển đổi nghề cho hộ gia đình bị thu hồi đất nông nghiệp tại xã Phú Mỹ",
        "Lương Văn Quyết",
        state(UBND, "1702/QĐ-UBND", "27/09/2024",
              title=["QUYẾT ĐỊNH", "Về việc hỗ trợ bổ sung chuyển đổi nghề tại xã Phú Mỹ"],
              body=[
                  "ỦY BAN NHÂN DÂN TỈNH SƠN HÀ",
                  "Căn cứ Thông báo số 45/TB-UBND ngày 03/9/2024 của UBND tỉnh;",
                  "Xét đề nghị của UBND huyện Tân Lập,",
                  "QUYẾT ĐỊNH:",
                  "Điều 1. Hỗ trợ bổ sung 1.150.000.000 đồng cho 12 hộ gia đình thôn Đồng Chùa.",
                  "\f",
                  "Điều 2. Nguồn kinh phí: vốn của dự án cầu Bến Vạn.",
                  "Điều 3. UBND huyện Tân Lập chi trả trong tháng 10/2024.",
              ],
              signer=_PCT_DAT, recipients=["Nơi nhận:", "- Như Điều 3,", "- Lưu: VT, KT."]),
        kind="scan", seed=1702, entered_by="Lý Minh Châu"))

    add(Doc(
        "H42.01-2024-0015", f8, 3, "2140/UBND-KT", "25/10/2024", "Công văn", UB_ISSUER,
        "Về việc báo cáo kết quả chi trả hỗ trợ cho các hộ dân bị thu hồi đất tại xã Phú Mỹ",
        "Lương Văn Quyết",
        state(UBND, "2140/UBND-KT", "25/10/2024",
              subject="V/v báo cáo kết quả chi trả hỗ trợ tại xã Phú Mỹ",
              addressee="Kính gửi: Ủy ban nhân dân huyện Tân Lập",
              body=[
                  "Thực hiện Quyết định số 1702/QĐ-UBND ngày 27/9/2024 của UBND tỉnh về việc hỗ trợ bổ sung chuyển đổi nghề cho hộ gia đình bị thu hồi đất nông nghiệp tại xã Phú Mỹ, UBND tỉnh đề nghị UBND huyện Tân Lập báo cáo kết quả chi trả cho các hộ dân trước ngày 05/11/2024.",
                  "Báo cáo cần nêu rõ số hộ đã nhận tiền, số hộ chưa nhận và lý do; tình hình đời sống, việc làm của các hộ sau khi bị thu hồi đất; kiến nghị, đề xuất (nếu có) để tiếp tục hoàn thiện chính sách đất đai của tỉnh.",
              ],
              signer=_PCT_DAT,
              recipients=["Nơi nhận:", "- Như trên,", "- Sở Tài nguyên và Môi trường,", "- Lưu: VT, KT."]),
        entered_by="Lý Minh Châu"))
    return docs


# =========================================================================== package 3

SNV = ["UBND TỈNH SƠN HÀ", "SỞ NỘI VỤ"]
SNV_FONDS = ("H42.13", "Phông Sở Nội vụ tỉnh Sơn Hà")
SNV_ISSUER = "Sở Nội vụ tỉnh Sơn Hà"

SNV_BAG_INFO = {
    "Source-Organization": "Sở Nội vụ tỉnh Sơn Hà",
    "Organization-Address": "Số 8 đường Trần Phú, thành phố Sơn Hà, tỉnh Sơn Hà",
    "Contact-Name": "Bùi Văn Nam",
    "External-Identifier": "SNV-2023-bag",
    "External-Description": ("Tài liệu của Sở Nội vụ tỉnh Sơn Hà về công tác văn thư, lưu trữ và "
                             "tổ chức bộ máy, giao nộp năm 2023 dưới dạng gói BagIt."),
    "Bagging-Date": "2023-11-20",
    "Fonds-Code": SNV_FONDS[0],
    "Fonds-Name": SNV_FONDS[1],
    "Handover-Date": "24/11/2023",
    "Handed-Over-By": "Văn phòng Sở Nội vụ tỉnh Sơn Hà",
    "Received-By": "Trung tâm Lưu trữ lịch sử tỉnh Sơn Hà",
}

SNV_FILES = [
    ArchivalFile(
        "SNV.2023.01", "Hồ sơ về kiểm tra công tác văn thư, lưu trữ tại các cơ quan, tổ chức trên địa bàn tỉnh năm 2023",
        *SNV_FONDS, "2023", "1", "01", "06/02/2023", "30/10/2023", "11",
        access="Công khai", keywords="văn thư; lưu trữ; kiểm tra; số hóa"),
    ArchivalFile(
        "SNV.2023.02", "Hồ sơ về sắp xếp tổ chức bộ máy, biên chế các cơ quan chuyên môn thuộc UBND tỉnh năm 2023",
        *SNV_FONDS, "2023", "2", "02", "15/03/2023", "12/10/2023", "9",
        access="Sử dụng có điều kiện", keywords="tổ chức bộ máy; biên chế; sắp xếp",
        notes="Hồ sơ hạn chế sử dụng: có thông tin về nhân sự."),
    ArchivalFile(
        "SNV.2023.03", "Hồ sơ văn bản chỉ đạo về công tác lưu trữ của tỉnh giai đoạn 1998 - 2023 (bản sao, tài liệu tham khảo)",
        *SNV_FONDS, "2023", "2", "03", "12/05/1998", "18/09/2023", "3",
        retention="06", condition="02", keywords="lưu trữ; chỉ thị; tài liệu tham khảo",
        notes="Có văn bản đánh máy bằng phông chữ .VnTime (bảng mã TCVN3)."),
]

_GD = ["GIÁM ĐỐC", "(Đã ký)", "Vũ Đức Long"]
_PGD = ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "(Đã ký)", "Ngô Thị Hà"]


def snv_documents() -> list[Doc]:
    docs: list[Doc] = []
    add = docs.append
    f1, f2, f3 = "SNV.2023.01", "SNV.2023.02", "SNV.2023.03"

    # ------------------------------------------------------------------ SNV.2023.01
    add(Doc(
        "H42.13-2023-0101", f1, 1, "45/KH-SNV", "06/02/2023", "Kế hoạch", SNV_ISSUER,
        "Kế hoạch kiểm tra công tác văn thư, lưu trữ năm 2023", "Vũ Đức Long",
        state(SNV, "45/KH-SNV", "06/02/2023",
              title=["KẾ HOẠCH", "Kiểm tra công tác văn thư, lưu trữ năm 2023"],
              body=[
                  "I. MỤC ĐÍCH, YÊU CẦU",
                  "Đánh giá việc chấp hành các quy định về văn thư, lưu trữ, trong đó có Nghị định số 30/2020/NĐ-CP của Chính phủ về công tác văn thư; phát hiện và chấn chỉnh kịp thời các sai sót trong soạn thảo văn bản, lập hồ sơ, bảo quản tài liệu.",
                  "II. ĐỐI TƯỢNG, NỘI DUNG KIỂM TRA",
                  "1. Đối tượng: 8 sở, ban, ngành và 4 UBND cấp huyện (danh sách kèm theo).",
                  "2. Nội dung: việc ban hành quy chế công tác văn thư, lưu trữ; quản lý văn bản đi, đến; lập hồ sơ công việc và nộp lưu vào lưu trữ cơ quan; điều kiện kho bảo quản; tình hình chỉnh lý tài liệu tồn đọng và số hóa tài liệu lưu trữ.",
                  "III. THỜI GIAN, PHƯƠNG PHÁP",
                  "Từ tháng 4 đến tháng 9 năm 2023. Đoàn kiểm tra làm việc trực tiếp tại cơ quan, kiểm tra xác suất hồ sơ, tài liệu; kết thúc mỗi cuộc kiểm tra có thông báo kết luận.",
                  "IV. TỔ CHỨC THỰC HIỆN",
                  "Chi cục Văn thư - Lưu trữ tham mưu thành lập Đoàn kiểm tra, xây dựng đề cương báo cáo và tổng hợp kết quả, báo cáo UBND tỉnh trước ngày 30/10/2023.",
              ],
              signer=_GD, recipients=["Nơi nhận:", "- UBND tỉnh (b/c),", "- Các cơ quan được kiểm tra,", "- Lưu: VT, CCVTLT."]),
        access="01", entered_by="Bùi Văn Nam"))

    add(Doc(
        "H42.13-2023-0102", f1, 2, "210/SNV-CCVTLT", "17/03/2023", "Công văn", SNV_ISSUER,
        "Về việc hướng dẫn lưu trữ tài liệu điện tử và số hóa tài liệu lưu trữ tại lưu trữ cơ quan",
        "Ngô Thị Hà",
        state(SNV, "210/SNV-CCVTLT", "17/03/2023",
              subject="V/v hướng dẫn lưu trữ tài liệu điện tử và số hóa tài liệu",
              addressee="Kính gửi: Các sở, ban, ngành; UBND các huyện, thị xã, thành phố",
              body=[
                  "Thời gian qua, văn bản điện tử đã trở thành hình thức trao đổi chủ yếu giữa các cơ quan nhà nước trên địa bàn tỉnh, song việc lưu trữ tài liệu điện tử ở nhiều nơi chưa được quan tâm đúng mức. Sở Nội vụ hướng dẫn một số nội dung sau:",
                  "1. Hồ sơ điện tử được lập trên hệ thống quản lý văn bản và điều hành; khi công việc kết thúc, người lập hồ sơ kiểm tra, hoàn thiện và nộp lưu vào lưu trữ cơ quan đúng thời hạn.",
                  "2. Việc số hóa tài liệu lưu trữ nền giấy thực hiện theo thứ tự ưu tiên: tài liệu bảo quản vĩnh viễn, tài liệu thường xuyên được khai thác, tài liệu có nguy cơ hư hỏng. Tệp PDF đặt tên theo mã hồ sơ và số thứ tự văn bản trong hồ sơ.",
                  "3. Cơ quan chưa có đủ điều kiện kỹ thuật có thể đề nghị Trung tâm Lưu trữ lịch sử tỉnh hỗ trợ số hóa; không thuê tổ chức bên ngoài số hóa tài liệu có nội dung bí mật nhà nước.",
                  "Trong quá trình thực hiện, nếu có vướng mắc, đề nghị liên hệ Chi cục Văn thư - Lưu trữ (số điện thoại 0203.3821.556) để được hướng dẫn.",
              ],
              signer=_PGD, recipients=["Nơi nhận:", "- Như trên,", "- Lưu: VT, CCVTLT."]),
        access="Công khai", entered_by="Bùi Văn Nam"))

    add(Doc(
        "H42.13-2023-0103", f1, 3, "318/BC-SNV", "12/10/2023", "Báo cáo", SNV_ISSUER,
        "Báo cáo kết quả kiểm tra công tác văn thư, lưu trữ năm 2023 tại 12 cơ quan, đơn vị",
        "Vũ Đức Long",
        state(SNV, "318/BC-SNV", "12/10/2023",
              title=["BÁO CÁO", "Kết quả kiểm tra công tác văn thư, lưu trữ năm 2023"],
              addressee="Kính gửi: Ủy ban nhân dân tỉnh",
              body=[
                  "Thực hiện Kế hoạch số 45/KH-SNV ngày 06/02/2023, Đoàn kiểm tra của Sở Nội vụ đã kiểm tra 12 cơ quan, đơn vị. Kết quả như sau:",
                  "1. Ưu điểm: 12/12 cơ quan đã ban hành quy chế công tác văn thư, lưu trữ; 10/12 cơ quan sử dụng chữ ký số cho văn bản điện tử; Sở Tư pháp và UBND huyện Đông Khê làm tốt việc lập hồ sơ công việc.",
                  "2. Hạn chế: 5 cơ quan còn để tài liệu tồn đọng, bó gói với tổng khối lượng khoảng 96 mét giá; 3 cơ quan bố trí kho lưu trữ chung với kho vật tư, không có thiết bị phòng cháy; Sở Xây dựng và UBND huyện Tân Lập chưa nộp lưu hồ sơ vào lưu trữ cơ quan từ năm 2019.",
                  "3. Kiến nghị: UBND tỉnh chỉ đạo các cơ quan có tài liệu tồn đọng bố trí kinh phí chỉnh lý trong năm 2024; phê bình thủ trưởng các cơ quan chậm khắc phục sau kiểm tra năm 2022.",
              ],
              signer=_GD, recipients=["Nơi nhận:", "- Như trên,", "- Lưu: VT, CCVTLT."]),
        access="Sử dụng có điều kiện", notes="Có nội dung phê bình cơ quan, cá nhân.",
        entered_by="Bùi Văn Nam"))

    add(Doc(
        "H42.13-2023-0104", f1, 4, "77/TB-SNV", "30/10/2023", "Thông báo", SNV_ISSUER,
        "Thông báo kết luận kiểm tra công tác văn thư, lưu trữ tại Sở Xây dựng",
        "Ngô Thị Hà",
        state(SNV, "77/TB-SNV", "30/10/2023",
              title=["THÔNG BÁO", "Kết luận kiểm tra công tác văn thư, lưu trữ tại Sở Xây dựng"],
              body=[
                  "Ngày 24/10/2023, Đoàn kiểm tra của Sở Nội vụ đã kiểm tra công tác văn thư, lưu trữ tại Sở Xây dựng. Sở Nội vụ thông báo kết luận như sau:",
                  "1. Sở Xây dựng đã thực hiện cơ bản đúng quy định về quản lý văn bản đi, đến và sử dụng con dấu, thiết bị lưu khóa bí mật.",
                  "2. Tồn tại: chưa lập danh mục hồ sơ năm 2023; còn khoảng 18 mét giá tài liệu chưa chỉnh lý; kho lưu trữ ẩm, một số hộp tài liệu bị mối.",
                  "3. Yêu cầu Sở Xây dựng khắc phục các tồn tại trước ngày 31/3/2024 và báo cáo kết quả về Sở Nội vụ.",
              ],
              signer=_PGD, recipients=["Nơi nhận:", "- Sở Xây dựng,", "- Lưu: VT, CCVTLT."]),
        access="", notes="Ô chế độ sử dụng để trống khi nhập liệu.", entered_by="Bùi Văn Nam"))

    add(Doc(
        "H42.13-2023-0105", f1, 5, "96/BC-SNV", "20/09/2023", "Báo cáo", SNV_ISSUER,
        f"Báo cáo rà soát tài liệu có nội dung bí mật nhà nước tại các cơ quan được kiểm tra ({SECRET_MARKER})",
        "Vũ Đức Long",
        state(SNV, "96/BC-SNV", "20/09/2023",
              title=["BÁO CÁO", "Rà soát tài liệu có nội dung bí mật nhà nước"],
              body=[
                  f"{SECRET_MARKER}. Tài liệu mẫu giả lập một văn bản mật: nội dung này không bao giờ được xuất bản, sao chép, lập chỉ mục hay nêu tên trong bất kỳ sản phẩm nào của catalog.",
                  "Báo cáo liệt kê vị trí bảo quản các hồ sơ có đóng dấu độ mật tại lưu trữ cơ quan của các sở, ngành được kiểm tra và việc thực hiện chế độ bảo vệ bí mật nhà nước.",
              ],
              signer=_GD, recipients=["Nơi nhận:", "- UBND tỉnh,", "- Lưu: VT."]),
        access="03", notes="Tài liệu mật: không công bố.", entered_by="Bùi Văn Nam"))

    # ------------------------------------------------------------------ SNV.2023.02 (restricted file)
    add(Doc(
        "H42.13-2023-0201", f2, 1, "512/TTr-SNV", "15/03/2023", "Tờ trình", SNV_ISSUER,
        "Đề nghị phê duyệt phương án sắp xếp các phòng chuyên môn thuộc các sở năm 2023",
        "Vũ Đức Long",
        state(SNV, "512/TTr-SNV", "15/03/2023",
              title=["TỜ TRÌNH", "Đề nghị phê duyệt phương án sắp xếp các phòng chuyên môn thuộc các sở"],
              addressee="Kính gửi: Ủy ban nhân dân tỉnh",
              body=[
                  "Thực hiện chủ trương tinh gọn tổ chức bộ máy, Sở Nội vụ đã phối hợp với các sở rà soát cơ cấu tổ chức. Kết quả: 19 sở hiện có 132 phòng chuyên môn và tương đương, trong đó 21 phòng chưa đủ số lượng công chức tối thiểu theo quy định.",
                  "Sở Nội vụ đề xuất phương án: hợp nhất 21 phòng thành 10 phòng; giảm 11 trưởng phòng và tương đương; bố trí cán bộ dôi dư theo lộ trình đến hết năm 2025, không làm giảm chế độ của người lao động trong thời gian sắp xếp.",
                  "Kính trình UBND tỉnh xem xét, phê duyệt.",
              ],
              signer=_GD, recipients=["Nơi nhận:", "- Như trên,", "- Lưu: VT, TCBC."]),
        access="01", notes="Văn bản công khai nhưng thuộc hồ sơ hạn chế sử dụng.",
        entered_by="Bùi Văn Nam"))

    add(Doc(
        "H42.13-2023-0202", f2, 2, "14/ĐA-SNV", "30/06/2023", "Đề án", SNV_ISSUER,
        f"Đề án nhân sự chủ chốt các cơ quan chuyên môn sau sắp xếp ({SECRET_MARKER})",
        "Vũ Đức Long",
        state(SNV, "14/ĐA-SNV", "30/06/2023",
              title=["ĐỀ ÁN", "Nhân sự chủ chốt các cơ quan chuyên môn sau sắp xếp"],
              body=[
                  f"{SECRET_MARKER}. Tài liệu mẫu giả lập một văn bản có độ Mật: nội dung này không bao giờ được xuất bản, sao chép, lập chỉ mục hay nêu tên trong bất kỳ sản phẩm nào của catalog.",
                  "Đề án dự kiến phương án nhân sự người đứng đầu các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh sau khi sắp xếp.",
              ],
              signer=_GD, recipients=["Nơi nhận:", "- Thường trực Tỉnh ủy,", "- Lưu: VT."]),
        access="02", secrecy="Mật", notes="Văn bản có đóng dấu độ Mật.", entered_by="Bùi Văn Nam"))

    add(Doc(
        "H42.13-2023-0203", f2, 3, "2087/QĐ-UBND", "12/10/2023", "Quyết định", "Ủy ban nhân dân tỉnh Sơn Hà",
        "Về việc giao biên chế công chức trong các cơ quan, tổ chức hành chính của tỉnh năm 2024",
        "Nguyễn Văn Khải",
        state(UBND, "2087/QĐ-UBND", "12/10/2023",
              title=["QUYẾT ĐỊNH", "Về việc giao biên chế công chức năm 2024"],
              body=[
                  "ỦY BAN NHÂN DÂN TỈNH SƠN HÀ",
                  "Căn cứ Luật Cán bộ, công chức; căn cứ Nghị quyết của Hội đồng nhân dân tỉnh về biên chế công chức năm 2024;",
                  "Theo đề nghị của Giám đốc Sở Nội vụ,",
                  "QUYẾT ĐỊNH:",
                  "Điều 1. Giao 2.146 biên chế công chức cho các cơ quan, tổ chức hành chính của tỉnh năm 2024, giảm 43 biên chế so với năm 2023 (chi tiết tại Phụ lục kèm theo).",
                  "Điều 2. Thủ trưởng các cơ quan quản lý, sử dụng biên chế được giao đúng quy định; không tuyển dụng vượt số biên chế được giao.",
                  "Điều 3. Giám đốc Sở Nội vụ, Giám đốc Sở Tài chính, thủ trưởng các cơ quan liên quan chịu trách nhiệm thi hành Quyết định này.",
              ],
              signer=_CT, recipients=["Nơi nhận:", "- Bộ Nội vụ,", "- Như Điều 3,", "- Lưu: VT, NC."]),
        access="02", reliability="Bản sao", entered_by="Bùi Văn Nam"))

    # ------------------------------------------------------------------ SNV.2023.03
    add(Doc(
        "H42.13-2023-0301", f3, 1, "07/1998/CT-UB", "12/05/1998", "Chỉ thị", "Uỷ ban nhân dân tỉnh Sơn Hà",
        "Chỉ thị của Uỷ ban nhân dân tỉnh Sơn Hà về việc tăng cường công tác lưu trữ",
        "Đặng Văn Thành",
        state(["UỶ BAN NHÂN DÂN", "TỈNH SƠN HÀ"], "07/1998/CT-UB", "12/05/1998",
              national="CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
              title=["CHỈ THỊ", "Về việc tăng cường công tác lưu trữ"],
              body=[
                  "Thời gian qua, công tác lưu trữ ở nhiều cơ quan, đơn vị trong tỉnh chưa được quan tâm đúng mức; tài liệu còn để phân tán, bó gói, nhiều tài liệu quý bị hư hỏng, thất lạc.",
                  "Để khắc phục tình trạng trên, Uỷ ban nhân dân tỉnh chỉ thị:",
                  "1. Thủ trưởng các sở, ban, ngành, Chủ tịch Uỷ ban nhân dân các huyện, thị xã chịu trách nhiệm tổ chức công tác lưu trữ ở cơ quan mình; bố trí cán bộ, kho tàng để bảo quản tài liệu.",
                  "2. Các cơ quan phải lập hồ sơ công việc và nộp lưu hồ sơ, tài liệu vào lưu trữ cơ quan theo quy định; nghiêm cấm việc tự ý tiêu huỷ tài liệu.",
                  "3. Sở Tổ chức chính quyền (nay là Sở Nội vụ) có trách nhiệm hướng dẫn, kiểm tra và định kỳ báo cáo Uỷ ban nhân dân tỉnh về công tác lưu trữ.",
                  "Nhận được Chỉ thị này, các cơ quan, đơn vị nghiêm túc thực hiện.",
              ],
              signer=["TM. UỶ BAN NHÂN DÂN TỈNH", "CHỦ TỊCH", "(Đã ký)", "Đặng Văn Thành"],
              recipients=["Nơi nhận:", "- Như trên,", "- Lưu VP."]),
        kind="legacy", reliability="Bản sao",
        notes="Bản đánh máy bằng phông chữ .VnTime (TCVN3): lớp chữ trích xuất ra ký tự lạ.",
        entered_by="Bùi Văn Nam"))

    add(Doc(
        "H42.13-2023-0302", f3, 2, "125/BC-SNV", "18/09/2023", "Báo cáo", SNV_ISSUER,
        "Báo cáo rà soát các văn bản chỉ đạo của tỉnh về công tác lưu trữ còn hiệu lực",
        "Ngô Thị Hà",
        state(SNV, "125/BC-SNV", "18/09/2023",
              title=["BÁO CÁO", "Rà soát các văn bản chỉ đạo của tỉnh về công tác lưu trữ"],
              body=[
                  "Sở Nội vụ đã rà soát 14 văn bản chỉ đạo của UBND tỉnh về công tác lưu trữ ban hành từ năm 1998 đến nay. Kết quả:",
                  "1. Chỉ thị số 07/1998/CT-UB ngày 12/5/1998 của Uỷ ban nhân dân tỉnh về việc tăng cường công tác lưu trữ: nội dung đã được thay thế bởi các quy định mới, đề nghị bãi bỏ. Bản gốc được đánh máy bằng phông chữ cũ, bản số hóa cần chuyển đổi sang Unicode để tra cứu.",
                  "2. Quyết định số 07/2016/QĐ-UBND về công tác văn thư, lưu trữ: cần thay thế để phù hợp với Nghị định số 30/2020/NĐ-CP.",
                  "3. Các văn bản còn lại vẫn phù hợp, tiếp tục thực hiện.",
                  "Sở Nội vụ kiến nghị UBND tỉnh giao Sở chủ trì xây dựng văn bản thay thế trong năm 2024.",
              ],
              signer=_PGD, recipients=["Nơi nhận:", "- UBND tỉnh,", "- Lưu: VT, CCVTLT."]),
        access="01", entered_by="Bùi Văn Nam"))
    return docs


# =========================================================================== pages

PAGE_ABOUT = """---
title: Giới thiệu
title_en: About this archive
order: 1
---
# Giới thiệu Kho lưu trữ số

Kho lưu trữ số của **Văn phòng Tỉnh ủy Sơn Hà** giới thiệu mục lục hồ sơ, tài liệu đã được
số hóa từ các phông lưu trữ do cơ quan quản lý và các gói tài liệu do cơ quan, tổ chức
trên địa bàn tỉnh giao nộp. Mỗi văn bản có trang riêng với đầy đủ thông tin mô tả (số và ký
hiệu, ngày tháng, cơ quan ban hành, trích yếu nội dung, người ký, số trang) và, khi được
phép, bản quét PDF để xem trực tiếp.

> Đây là dự án mẫu: tỉnh Sơn Hà, các cơ quan, cá nhân và văn bản địa phương trong kho đều là
> hư cấu, chỉ dùng để trình bày và kiểm thử phần mềm.

## Các phông và gói tài liệu

| Gói tài liệu | Cơ quan giao nộp | Phông | Nội dung chính |
| --- | --- | --- | --- |
| VPTU-2025-01 | Văn phòng Tỉnh ủy | Tỉnh ủy Sơn Hà | Số hóa tài liệu lưu trữ, lưu trữ tài liệu khi sắp xếp đơn vị hành chính |
| UBND-2024-03 | Văn phòng UBND tỉnh | Ủy ban nhân dân tỉnh Sơn Hà | Đất đai, văn hóa - xã hội, quy định về văn thư, lưu trữ |
| SNV-2023-bag | Sở Nội vụ | Sở Nội vụ tỉnh Sơn Hà | Kiểm tra công tác văn thư, lưu trữ; tổ chức bộ máy |

## Chế độ sử dụng tài liệu

- **Công khai** (mã 01): xuất bản trong mọi ấn bản của kho.
- **Sử dụng có điều kiện** (mã 02): chỉ có trong ấn bản nội bộ; bạn đọc cần có văn bản đề
  nghị được Văn phòng Tỉnh ủy đồng ý.
- **Mật** (mã 03 hoặc có dấu độ mật): không bao giờ được đưa lên kho số; theo Luật Bảo vệ bí
  mật nhà nước, tài liệu mật chỉ được khai thác tại phòng đọc của kho lưu trữ.

Ô chế độ sử dụng để trống được coi là *sử dụng có điều kiện* cho đến khi cơ quan giao nộp
xác định lại.

## Về bản số hóa

Tài liệu được số hóa theo Hướng dẫn số 36-HD/VPTW của Văn phòng Trung ương Đảng và Thông tư
số 05/2025/TT-BNV của Bộ Nội vụ; tệp PDF được đặt tên theo mã hồ sơ và số thứ tự văn bản
trong hồ sơ. Một số văn bản chỉ có ảnh quét (chưa nhận dạng chữ) nên chưa tra cứu được theo
nội dung; văn bản đánh máy bằng phông chữ cũ (.VnTime, VNI) được chuyển sang Unicode để tra
cứu.

Mọi ý kiến góp ý xin gửi về Phòng Hành chính - Lưu trữ, Văn phòng Tỉnh ủy Sơn Hà.
"""

PAGE_SEARCH_HELP = """---
title: Hướng dẫn tra cứu
title_en: How to search
order: 2
---
# Hướng dẫn tra cứu

Có hai cách tìm tài liệu: **duyệt** theo phông, hồ sơ, năm, loại văn bản, hoặc **tìm kiếm**
bằng ô tìm kiếm ở đầu mỗi trang.

## Duyệt mục lục

1. Chọn một phông lưu trữ để xem danh sách hồ sơ.
2. Chọn một hồ sơ để xem các văn bản trong hồ sơ theo số thứ tự.
3. Chọn một văn bản để xem thông tin mô tả và bản quét (nếu được công bố).

## Gõ từ khóa có dấu hoặc không dấu

Kho tìm được cả khi bạn gõ không dấu, gõ kiểu bỏ dấu cũ hay mới, chữ hoa hay chữ thường:

| Bạn gõ | Tìm được văn bản có |
| --- | --- |
| `so hoa` | số hóa, số hoá, SỐ HÓA |
| `uy ban` | Ủy ban, Uỷ ban, ỦY BAN |
| `hoa giai` | hòa giải, hoà giải |
| `dat dai` | đất đai |
| `thuy` | Thúy, Thuý |

Khi bạn gõ có dấu, văn bản đúng dấu được xếp trước. Văn bản có các từ đứng liền nhau đúng
thứ tự (ví dụ *số hóa*) được xếp trước văn bản chỉ có các từ đó nằm rải rác.

Dòng đếm kết quả cho biết bao nhiêu văn bản **đúng dấu** (có mọi từ bạn gõ có dấu, đúng dấu;
bỏ dấu kiểu cũ hay mới như *hoà*/*hòa* đều tính là đúng) và bao nhiêu **gần đúng** (chỉ khớp khi
bỏ dấu). Nếu không văn bản nào đúng dấu, trang báo: *Không có kết quả đúng dấu cho “hòa giải”;
kết quả gần đúng:* và chỉ hiện các văn bản gần đúng, ví dụ văn bản về *hóa chất* và *giải thể*
khi bạn tìm `hòa giải`.

## Tìm cụm từ chính xác

Đặt cụm từ trong dấu ngoặc kép để chỉ tìm văn bản có đúng cụm từ đó, theo đúng thứ tự:
`"lưu trữ tài liệu"` sẽ không trả về văn bản chỉ có *tài liệu* và *lưu trữ* ở hai chỗ khác
nhau.

## Tìm một trong nhiều từ: `OR`

Viết `OR` (chữ in hoa) giữa hai vế để tìm văn bản có vế này **hoặc** vế kia:

- `lưu trữ OR số hóa`: văn bản có *lưu trữ*, văn bản có *số hóa*; văn bản có cả hai xếp trước;
- `64-CV/TW OR 36-HD/VPTW`: một trong hai văn bản;
- `"lưu trữ tài liệu" OR "số hóa"`: dùng được cả với cụm từ trong ngoặc kép.

Mỗi vế gồm mọi từ nằm giữa hai chữ `OR`. Chữ `or` viết thường được tìm như một từ bình thường.

## Loại trừ từ: dấu trừ `-`

Đặt dấu trừ ngay trước một từ, một cụm từ trong ngoặc kép hoặc một số ký hiệu (không có
dấu cách ở giữa) để bỏ các văn bản có nó:

- `số hóa -kế`: văn bản về số hóa, trừ các văn bản có từ *kế* (cả *kê*, *kẻ*…, vì từ bị loại
  trừ được so khi đã bỏ dấu);
- `số hóa -"kế hoạch"`: trừ văn bản có đúng cụm *kế hoạch*;
- `công văn -64-CV/TW`: trừ Công văn số 64-CV/TW.

Từ bị loại trừ áp dụng cho cả câu tìm, kể cả khi có `OR`. Câu tìm chỉ gồm từ loại trừ
(ví dụ `-kế`) không trả về kết quả nào; trang sẽ nhắc bạn thêm từ cần tìm. Dấu gạch nằm giữa
chữ hoặc số (`2020-2025`, `64-CV/TW`) vẫn là một phần của từ, không phải dấu loại trừ.

## Tìm theo số và ký hiệu văn bản

Gõ số và ký hiệu như trên văn bản, có hoặc không có dấu gạch, dấu xiên:

- Văn bản của Đảng: `64-CV/TW`, `12-CV/TU`, `367-QĐ/TU`, `36-HD/VPTW`;
- Văn bản quy phạm pháp luật: `30/2020/NĐ-CP` (gõ `30/2020/ND-CP` cũng được);
- Văn bản hành chính: `15/QĐ-UBND`, `12/UBND-VX`.

Gõ `64 cv tw` cũng tìm được Công văn số 64-CV/TW. Có thể tìm riêng một phần của ký hiệu,
ví dụ `UBND-VX`.

## Mẹo

- Thêm từ để thu hẹp kết quả: `thu hồi đất Phú Mỹ`; dùng `OR` để mở rộng, `-từ` để loại bớt.
- Văn bản chỉ có ảnh quét được tìm theo thông tin mô tả (trích yếu, số ký hiệu), chưa tìm
  được theo nội dung bên trong.
- Không tìm thấy tài liệu cần? Tài liệu có thể thuộc diện sử dụng có điều kiện; hãy liên hệ
  phòng đọc của Kho Lưu trữ Tỉnh ủy.

## In English

The search box understands: words typed with or without diacritics (typed with them, exact
spellings rank first); `"phrases in quotes"`, found in that order; `OR` in capitals between
alternatives (`lưu trữ OR số hóa`); `-word`, `-"phrase"` or `-64-CV/TW` to leave out the
documents holding it (compared without diacritics, for the whole query); document numbers
such as `64-CV/TW` or `30/2020/NĐ-CP`, with or without dashes and slashes. The results line
counts the **exact** matches (every word typed with diacritics found with them) and the
**approximate** ones; when nothing matches exactly, it says so above the approximate matches.
"""


def _ids(docs, test) -> str:
    found = [d.doc_id for d in docs if test(d)]
    return ", ".join(f"`{i}`" for i in found) or "—"


def readme_text() -> str:
    """content/README.md, with the id lists computed from the data above."""
    vptu, ubnd, snv = vptu_documents(), ubnd_documents(), snv_documents()
    every = vptu + ubnd + snv
    restricted_files = {f.file_code for f in VPTU_FILES + UBND_FILES + SNV_FILES
                        if f.access in ("02", "Sử dụng có điều kiện")}
    secret = _ids(every, lambda d: d.secrecy or d.access == "03")
    restricted = _ids(every, lambda d: not (d.secrecy or d.access == "03") and (
        d.access in ("02", "Sử dụng có điều kiện", "") or d.file_code in restricted_files))
    return f"""# Sample catalog project (`content/`)

Generated by `.venv/bin/python scripts/make_sample.py` (texts and rows in
`scripts/sample_documents.py`, PDFs by `scripts/pdfgen.py`); do not edit these files by
hand, edit the generator and run it again. The output is byte-identical from run to run.

Everything is **fictional**: the province of Sơn Hà, its offices, people and local
documents. Real national documents (Official Dispatch 64-CV/TW of 10/4/2025, Decree
30/2020/NĐ-CP, Circular 05/2025/TT-BNV, Guidance 36-HD/VPTW) are cited; the two
"copies" of them in package VPTU-2025-01 hold invented summaries, not the real texts,
and the date given for 36-HD/VPTW is illustrative.

| | documents | published in the public edition |
| --- | --- | --- |
| VPTU-2025-01 | {len(vptu)} | all but the restricted ones |
| UBND-2024-03 | {len(ubnd)} | all |
| SNV-2023-bag | {len(snv)} | 4 (the rest are restricted or secret) |

`catalog.toml` sets `default_access = "restricted"` and two editions: `public`
(default) and `restricted` (internal: public + restricted documents). Secret documents
are in no edition.

## Packages and what they exercise

### `packages/VPTU-2025-01/` — Văn phòng Tỉnh ủy (Party system)
- `package.toml` with every key; `ho_so.csv` and `tai_lieu.csv` in UTF-8 with BOM
  (Excel "CSV UTF-8"), standard Circular 05/2025 headers, plus an unknown column
  `Người nhập liệu` (kept and shown as an extra field).
- PDFs by the naming convention in per-file folders:
  `data/<Mã hồ sơ>/<Mã hồ sơ>.<số thứ tự>.pdf`; all born-digital text PDFs.
- Party document numbers: `64-CV/TW`, `36-HD/VPTW`, `12-CV/TU`, `367-QĐ/TU`, `45-KH/TU`,
  `03-CTr/VPTU`, `25-TTr/VPTU` (mixed-case type abbreviations).
- Search cases: `số hóa` adjacent in every document of VPTU.2025.01; `số` and `hóa` only
  apart in `VPTU.2025.03.01`–`.03` (and in most State documents of the other packages,
  whose headers carry `Số:` and `CỘNG HÒA`); the phrase `lưu trữ tài liệu` in
  `VPTU.2025.01.02`, `VPTU.2025.02.01`, `VPTU.2025.02.03`, but `tài liệu … lưu trữ` apart
  in `VPTU.2025.02.02`; `Đảng` throughout and the OCR-like `Dang bộ` in
  `VPTU.2025.03.02`; 64-CV/TW cited in `VPTU.2025.01.03`–`.05`.

### `packages/UBND-2024-03/` — Ủy ban nhân dân tỉnh (State system)
- `package.toml`; ONE workbook `ho_so_tai_lieu.xlsx` with sheets "Hồ sơ" and
  "Tài liệu": merged title rows above the headers, a `(1) (2) …` column-number row,
  header variants (`Số của văn bản` + `Ký hiệu của văn bản`, `Tác giả`, `Số TT`,
  `Ngày tháng năm`, `Hồ sơ số`, `Tổng số văn bản`, `Số tờ`, `Chú giải`), an unknown `STT`
  column, real Excel date cells, codes typed as numbers (`Chế độ sử dụng` = 1,
  `Thời hạn bảo quản` = 1), a `Bút tích` cell, and a `Tệp tin` column.
- `Tệp tin` overrides the naming convention: {_ids(ubnd, lambda d: bool(d.file))}
  (one written with a Windows backslash: `scan\\cong-van-12-UBND-VX.pdf`).
- State numbers: `15/QĐ-UBND`, `12/UBND-VX`, `19/2024/QĐ-UBND`, `118/TTr-STNMT`; land
  ("đất đai", "giao đất", "thu hồi đất"); `30/2020/NĐ-CP` cited in H42.2024.07.
- Tone placement: old style (`Uỷ ban`, `hoà`, `Thuý`, `CỘNG HOÀ`) in
  `H42.01-2024-0007`; new style (`Ủy ban`, `hòa`, `Thúy`) in `H42.01-2024-0008`.

### `packages/SNV-2023-bag/` — Sở Nội vụ, a BagIt bag (RFC 8493)
- `bagit.txt`, `bag-info.txt` (BagIt labels plus `Fonds-Code`, `Fonds-Name`,
  `Handover-Date`, `Handed-Over-By`, `Received-By`), `manifest-sha256.txt` covering every
  payload file, `tagmanifest-sha256.txt`.
- `data/ho_so.csv` in UTF-16 LE with BOM, TAB-separated (Excel "Unicode text");
  `data/tai_lieu.csv` in Windows-1258 (tone marks as combining characters); PDFs in
  `data/pdf/`.
- Access given in words and codes (`Công khai`, `Sử dụng có điều kiện`, `01`, `02`, `03`),
  an empty access cell, a restricted archival file, and two secret documents.

## Document ids by case

- **Secret** (never published; body and summary contain `BIMAT-SECRET-MARKER`):
  {secret} — `H42.13-2023-0105` has `Chế độ sử dụng` = `03`, `H42.13-2023-0202` has
  `Độ mật` = `Mật`.
- **Restricted** (restricted edition only): {restricted}.
  Of these, `H42.13-2023-0104` has an EMPTY access cell (the default `restricted`
  applies) and `H42.13-2023-0201` is public itself but sits in the restricted archival
  file `SNV.2023.02`.
- **Image-only scans** (no text layer): {_ids(every, lambda d: d.kind == "scan")}.
- **Legacy TCVN3 text layer** (extracts as mojibake, converted by the catalog):
  {_ids(every, lambda d: d.kind == "legacy")}.
- **Whole-file PDF** (`data/H42.2024.07.pdf` covers the archival file H42.2024.07; no
  per-document PDFs, page counts left empty): {_ids(every, lambda d: d.whole_file)}.

## Expected `catalog check` / `catalog build` result

No errors. Warnings only where intended: `pdf-no-text` for the three image-only scans and
`pdf-legacy-encoding` for the TCVN3 document. The build report withholds 2 secret
documents.
"""
