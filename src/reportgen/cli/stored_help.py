"""The top-level help page, written by scripts/make_help.py from the typer app: do not edit."""

TOP_LEVEL_HELP = "用法：reportgen [选项] 命令 [参数]...\n\n  公文汇报起草助手：reportgen new 生成模板 → 填写 YAML → reportgen render 生成国标版式\n  Word；reportgen lint 检查草稿中未填的数据和常见差错。\n\n选项：\n  -h, --help  显示本帮助并退出。\n\n命令：\n  kinds   列出可用的报告类型：编号、中文名、何时使用。\n  new     生成某类报告的 YAML 模板，每个字段都有填写说明。\n  render  校验 YAML 并生成国标版式的 Word 文档；未填数据会黄色高亮并列出。\n  lint    检查草稿（.docx、.txt、.md、.yaml 或文件夹）中未填的数据和常见差错。\n  import  把已有草稿导入为某类报告的 YAML，文字和占位符一个不丢。\n  schema  把某类报告 YAML 的 JSON Schema 打印到标准输出（供编辑器补全和校验）。\n"
